package org.csp.eventsourcing.leadership;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections outside the pool, to the service's own database as configured for the pool
 * ({@code quarkus.datasource.reactive.url}, {@code username}, {@code password}, and TLS as the pool has it:
 * {@code quarkus.datasource.reactive.postgresql.ssl-mode}, the trusted CA certificates of
 * {@code trust-certificate-pem.certs}, {@code hostname-verification-algorithm}): for leader locks, with the stall
 * limit of {@link LeadershipConfig}.
 */
@ApplicationScoped
public class DedicatedConnections {

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration stallLimit;

    public DedicatedConnections(
            Vertx vertx,
            LeadershipConfig leadership,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs")
                    Optional<List<String>> trustedCertificates,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm")
                    Optional<String> hostnameVerification) {
        this.vertx = vertx;
        this.options = options(url, username, password, sslMode, trustedCertificates, hostnameVerification);
        this.stallLimit = leadership.stallLimit();
    }

    /** The pool's connection settings, for a connection of its own. */
    static PgConnectOptions options(
            String url,
            Optional<String> username,
            Optional<String> password,
            Optional<String> sslMode,
            Optional<List<String>> trustedCertificates,
            Optional<String> hostnameVerification) {
        PgConnectOptions options = PgConnectOptions.fromUri(
                url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        username.ifPresent(options::setUser);
        password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
        sslMode.map(SslMode::of).ifPresent(options::setSslMode);
        if (options.getSslMode() != SslMode.DISABLE) {
            trustedCertificates.ifPresent(certificates -> {
                PemTrustOptions trust = new PemTrustOptions();
                certificates.forEach(trust::addCertPath);
                options.setPemTrustOptions(trust);
            });
            hostnameVerification
                    .filter(algorithm -> !algorithm.equalsIgnoreCase("NONE"))
                    .ifPresent(options::setHostnameVerificationAlgorithm);
        }
        return options;
    }

    public LeaderLock leaderLock(String name) {
        return new LeaderLock(vertx, options, name, stallLimit);
    }
}
