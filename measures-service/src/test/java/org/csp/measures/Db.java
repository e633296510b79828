package org.csp.measures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct reads of the measures service's database in tests: what is stored, counted and added up. */
public final class Db {

    private Db() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:" + ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class)
                        + "?user=postgres");
    }

    /** The one number {@code sql} answers with, {@code parameters} bound in order. */
    public static BigDecimal number(String sql, Object... parameters) {
        try (Connection c = connect();
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                BigDecimal value = rows.getBigDecimal(1);
                return value == null ? BigDecimal.ZERO : value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code sessions} database sessions are blocked on a lock (an advisory lock or a row lock). */
    public static void awaitWaitingSessions(Connection observer, int sessions) throws Exception {
        org.csp.infrastructure.LockWaits.await(observer, sessions);
    }

    /** Every stored event. */
    public static long events() {
        return number("SELECT count(*) FROM events").longValue();
    }
}
