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

    /** Set once the servers run; Quarkus may load this class in more than one class loader, System properties are shared. */
    private static final String STARTED = "csp.test-infrastructure.started";
    /** System property holding the test broker's bootstrap servers once it runs. */
    static final String KAFKA_BOOTSTRAP = "csp.test.kafka.bootstrap";

    private String database = "test";

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", "test");
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.getProperties()) {
            if (System.getProperty(STARTED) == null) {
                startServers();
            }
        }
        Database.create(database);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:%s/%s".formatted(System.getProperty("csp.test.postgres.port"), database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", System.getProperty(KAFKA_BOOTSTRAP),
                "quarkus.oidc.auth-server-url", System.getProperty("csp.test.realm-url"));
    }

    @Override
    public void stop() {
        // The servers serve every test class of this JVM; the shutdown hook stops them.
    }

    private static void startServers() {
        Path root = Path.of("target", "test-infrastructure",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        LocalPostgres postgres = LocalPostgres.start(root.resolve("postgres"), 0);
        LocalKafka kafka = LocalKafka.start(root.resolve("kafka"), 0);
        LocalKeycloak keycloak = LocalKeycloak.start(root.resolve("keycloak"), 0, 0, RepoRoot.realmFile());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.close();
            kafka.close();
            postgres.close();
        }, "test-infrastructure-stop"));
        Database.postgres = postgres;
        System.setProperty("csp.test.postgres.port", Integer.toString(postgres.port()));
        System.setProperty(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        System.setProperty("csp.test.realm-url", keycloak.realmUrl());
        System.setProperty(STARTED, "true");
    }

    /** Creates databases on the shared server, through JDBC, whichever class loader asks. */
    private static final class Database {
        private static LocalPostgres postgres;

        static void create(String name) {
            if (postgres != null) {
                postgres.createDatabaseIfMissing(name);
                return;
            }
            try (var connection = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + System.getProperty("csp.test.postgres.port") + "/postgres", "postgres", "postgres");
                 var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                if (!exists.executeQuery().next()) {
                    connection.createStatement().execute("CREATE DATABASE " + name);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }
}
