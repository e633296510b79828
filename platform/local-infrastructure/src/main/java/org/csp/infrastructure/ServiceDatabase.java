package org.csp.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** In a service's {@code @QuarkusTest}: its own database, for tests that read what is stored or hold its locks. */
public final class ServiceDatabase {

    private ServiceDatabase() {}

    /** A JDBC connection as the superuser to the database the service under test uses. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:" + ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class)
                        + "?user=postgres");
    }
}
