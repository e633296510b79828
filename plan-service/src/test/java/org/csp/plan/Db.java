package org.csp.plan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct reads of the plan service's database in tests: what is stored, counted. */
public final class Db {

    private Db() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:" + ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class)
                        + "?user=postgres");
    }

    /** Stored events whose stream id starts with {@code prefix} ({@code stroud:} for a partnership). */
    public static long events(String prefix) {
        try (Connection c = connect();
                var count = c.prepareStatement("SELECT count(*) FROM events WHERE stream_id LIKE ?")) {
            count.setString(1, prefix.replace("%", "\\%") + "%");
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code sessions} database sessions are blocked on a lock (an advisory lock or a row lock). */
    public static void awaitWaitingSessions(Connection observer, int sessions) throws Exception {
        org.csp.infrastructure.LockWaits.await(observer, sessions);
    }
}
