package org.csp.eventsourcing.leadership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DedicatedConnectionsTest {

    @Test
    void aLeaderLocksConnectionUsesTlsAsThePoolDoesWithTheSameTrustAndNameCheck() {
        PgConnectOptions options = DedicatedConnections.options(
                "postgresql://csp-postgres-rw:5432/plan",
                Optional.of("plan"),
                Optional.of("from-the-secret"),
                Optional.of("verify-full"),
                Optional.of(List.of("/etc/csp/postgres-ca/ca.crt")),
                Optional.of("HTTPS"));

        assertEquals("csp-postgres-rw", options.getHost());
        assertEquals("plan", options.getDatabase());
        assertEquals("plan", options.getUser());
        assertEquals(SslMode.VERIFY_FULL, options.getSslMode());
        assertEquals(
                List.of("/etc/csp/postgres-ca/ca.crt"), ((PemTrustOptions) options.getTrustOptions()).getCertPaths());
        assertEquals("HTTPS", options.getHostnameVerificationAlgorithm());
    }

    @Test
    void withoutTlsSettingsItConnectsAsTheUrlSays() {
        PgConnectOptions options = DedicatedConnections.options(
                "vertx-reactive:postgresql://127.0.0.1:5432/plan",
                Optional.of("postgres"),
                Optional.of(""),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertEquals(SslMode.DISABLE, options.getSslMode());
        assertEquals("127.0.0.1", options.getHost());
        assertNull(options.getTrustOptions());
    }
}
