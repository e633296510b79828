package org.csp.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each server really starts and answers as the services expect. */
class LocalInfrastructureTest {

    private static LocalServers servers;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalKeycloak keycloak;

    @BeforeAll
    static void start() {
        Path root = Path.of("target", "infrastructure-test", UUID.randomUUID().toString());
        servers = LocalServers.start(
                root, LocalServers.ServerPorts.FREE, RepoRoot.realmFile(), Durability.THROWAWAY, step -> {});
        postgres = servers.postgres();
        kafka = servers.kafka();
        keycloak = servers.keycloak();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void postgresServesACreatedDatabase() throws Exception {
        postgres.createDatabaseIfMissing("probe");
        postgres.createDatabaseIfMissing("probe");
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl("probe"));
                var rows = connection.createStatement().executeQuery("SELECT 1")) {
            assertTrue(rows.next());
        }
    }

    @Test
    void kafkaListensOnLoopback() {
        assertTrue(Ports.listening(kafka.port()));
        assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"));
    }

    @Test
    void keycloakIssuesTokensForTheCspRealm() {
        String user = payload(keycloak.userToken("coordinator"));
        assertTrue(user.contains("\"iss\":\"" + keycloak.realmUrl() + "\""), user);
        assertTrue(user.contains("\"aud\":\"csp-api\""), user);
        assertTrue(user.contains("\"coordinator\""), user);
        String machine = payload(keycloak.clientToken("police-gloucestershire"));
        assertTrue(machine.contains("\"org\":\"gloucestershire-constabulary\""), machine);
        assertTrue(machine.contains("\"partner-agency\""), machine);
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
