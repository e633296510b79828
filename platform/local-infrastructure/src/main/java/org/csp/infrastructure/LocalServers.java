package org.csp.infrastructure;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * PostgreSQL, Kafka (KRaft) and Keycloak together, as the launcher and the tests need them, each in its folder
 * under one data directory; closing stops them in reverse order.
 */
public record LocalServers(LocalPostgres postgres, LocalKafka kafka, LocalKeycloak keycloak) implements AutoCloseable {

    /** Where each server listens; 0 means a free port. */
    public record ServerPorts(int postgres, int kafka, int keycloak, int keycloakManagement) {
        public static final ServerPorts FREE = new ServerPorts(0, 0, 0, 0);
    }

    /**
     * Starts the three, one after the other, telling {@code progress} what comes next; stops them all if one fails.
     * {@code durability} says whether PostgreSQL must keep acknowledged commits through a crash.
     */
    public static LocalServers start(
            Path dataDir, ServerPorts ports, Path realmFile, Durability durability, Consumer<String> progress) {
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        try {
            progress.accept("PostgreSQL (" + durability.name().toLowerCase() + ": " + durability.describe() + ") …");
            postgres = LocalPostgres.start(dataDir.resolve("postgres"), ports.postgres(), durability);
            progress.accept("Kafka (KRaft) …");
            kafka = LocalKafka.start(dataDir.resolve("kafka"), ports.kafka());
            progress.accept("Keycloak (the very first start takes about a minute) …");
            LocalKeycloak keycloak = LocalKeycloak.start(
                    dataDir.resolve("keycloak"), ports.keycloak(), ports.keycloakManagement(), realmFile);
            return new LocalServers(postgres, kafka, keycloak);
        } catch (RuntimeException e) {
            new LocalServers(postgres, kafka, null).close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
