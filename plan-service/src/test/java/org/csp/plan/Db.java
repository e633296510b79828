package org.csp.plan;

import java.sql.Connection;
import java.sql.SQLException;
import org.csp.infrastructure.ServiceDatabase;

/** Direct reads of the plan service's database in tests: what is stored, counted. */
public final class Db {

    private Db() {}

    /** Stored events whose stream id starts with {@code prefix} ({@code stroud:} for a partnership). */
    public static long events(String prefix) {
        try (Connection c = ServiceDatabase.connect();
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
}
