package org.csp.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The launcher's PostgreSQL must keep what it acknowledged: the embedded binaries turn fsync and synchronous
 * commits off unless told otherwise. Asked of the running server, not of our own settings.
 */
class LocalPostgresDurabilityTest {

    private static final Map<String, String> ALL_ON =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
    private static final Map<String, String> ALL_OFF =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    @Test
    void aDurableServerSyncsEveryCommit() throws SQLException {
        assertEquals(ALL_ON, settingsOf(Durability.DURABLE));
    }

    @Test
    void aThrowawayServerDoesNot() throws SQLException {
        assertEquals(ALL_OFF, settingsOf(Durability.THROWAWAY));
    }

    private static Map<String, String> settingsOf(Durability durability) throws SQLException {
        Path dir = Path.of("target", "durability-test", UUID.randomUUID().toString());
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0, durability);
                var connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
                var statement = connection.createStatement()) {
            Map<String, String> shown = new LinkedHashMap<>();
            for (String name : ALL_ON.keySet()) {
                try (var rows = statement.executeQuery("SHOW " + name)) {
                    rows.next();
                    shown.put(name, rows.getString(1));
                }
            }
            return shown;
        }
    }
}
