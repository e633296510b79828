package org.csp.measures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.csp.infrastructure.ServiceDatabase;

/** Direct reads of the measures service's database in tests: what is stored, counted and added up. */
public final class Db {

    private Db() {}

    /** The one number {@code sql} answers with, {@code parameters} bound in order. */
    public static BigDecimal number(String sql, Object... parameters) {
        try (Connection c = ServiceDatabase.connect();
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

    /** Every stored event. */
    public static long events() {
        return number("SELECT count(*) FROM events").longValue();
    }
}
