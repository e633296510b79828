package org.csp.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL (embedded binaries) for the web frontend's tests: its sessions' table lives there. */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Path.of("target", "test-postgres").toAbsolutePath())
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "quarkus.datasource.username",
                "postgres");
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
