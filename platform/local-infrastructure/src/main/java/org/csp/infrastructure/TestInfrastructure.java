package org.csp.infrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Real PostgreSQL, Kafka and Keycloak for {@code @QuarkusTest}s, started once per test JVM and stopped when it
 * exits; each test class names its database ({@code database} init arg). Data lives under
 * {@code target/test-infrastructure/} of the module under test, fresh for every run.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /*
     * Quarkus may load this class in more than one class loader: what the running servers are is kept in System
     * properties, which all of them share.
     */
    private static final String POSTGRES_PORT = "csp.test.postgres.port";
    static final String KAFKA_BOOTSTRAP = "csp.test.kafka.bootstrap";
    static final String REALM_URL = "csp.test.realm-url";

    private String database = "test";

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", "test");
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(POSTGRES_PORT) == null) {
                startServers();
            }
        }
        int postgresPort = Integer.parseInt(System.getProperty(POSTGRES_PORT));
        LocalPostgres.createDatabaseIfMissing(postgresPort, database);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:%d/%s".formatted(postgresPort, database),
                "quarkus.datasource.username", LocalPostgres.SUPERUSER,
                "kafka.bootstrap.servers", System.getProperty(KAFKA_BOOTSTRAP),
                "quarkus.oidc.auth-server-url", System.getProperty(REALM_URL));
    }

    @Override
    public void stop() {
        // The servers serve every test class of this JVM; the shutdown hook stops them.
    }

    private static void startServers() {
        Path root = Path.of(
                        "target",
                        "test-infrastructure",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        // Test data is thrown away after the run: no need to wait for the disk.
        LocalServers servers = LocalServers.start(
                root, LocalServers.ServerPorts.FREE, RepoRoot.realmFile(), Durability.THROWAWAY, step -> {});
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "test-infrastructure-stop"));
        System.setProperty(KAFKA_BOOTSTRAP, servers.kafka().bootstrapServers());
        System.setProperty(REALM_URL, servers.keycloak().realmUrl());
        System.setProperty(POSTGRES_PORT, Integer.toString(servers.postgres().port()));
    }
}
