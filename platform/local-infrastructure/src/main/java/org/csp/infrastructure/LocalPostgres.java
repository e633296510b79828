package org.csp.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A real PostgreSQL server from the embedded binaries, listening on 127.0.0.1; a kept data directory is reused.
 * The server trusts loopback connections of its superuser, so clients connect without a password. Whether it
 * writes durably is the caller's explicit choice ({@link Durability}).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());

    private final EmbeddedPostgres postgres;
    private final Durability durability;

    private LocalPostgres(EmbeddedPostgres postgres, Durability durability) {
        this.postgres = postgres;
        this.durability = durability;
    }

    /**
     * Starts the server on {@code port} (0: a free one) with its data in {@code dataDir}. The settings of
     * {@code durability} are passed after the embedded binaries' own {@code -F}, so they win.
     */
    public static LocalPostgres start(Path dataDir, int port, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPort(Ports.orFree(port))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // Sized for a write-heavy event store on this machine rather than PostgreSQL's tiny defaults
                    // (128 MB of buffers, a checkpoint every 1 GB of WAL): the hot index pages stay in memory, and
                    // fewer checkpoints mean fewer full-page images in the WAL. Durability is unchanged.
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setPGStartupWait(Duration.ofMinutes(1));
            durability.settings().forEach(builder::setServerConfig);
            LocalPostgres started = new LocalPostgres(builder.start(), durability);
            LOG.log(
                    System.Logger.Level.INFO,
                    "PostgreSQL on port {0}, {1}: {2}",
                    Integer.toString(started.port()),
                    durability,
                    durability.describe());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    public Durability durability() {
        return durability;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return SUPERUSER;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:%d/%s".formatted(port(), database);
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:%d/%s?user=%s".formatted(port, database, SUPERUSER);
    }

    public void createDatabaseIfMissing(String name) {
        createDatabaseIfMissing(port(), name);
    }

    /** Creates a database on the server listening on {@code port}, which may have been started by another class loader. */
    public static void createDatabaseIfMissing(int port, String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unusual database name: " + name);
        }
        // the driver itself, not DriverManager: after a Quarkus restart (a test profile) DriverManager only knows the
        // driver as an earlier class loader registered it, which this class loader cannot see
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl(port, "postgres"), new Properties());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by someone else
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
