package org.csp.eventsourcing.leadership;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Leadership of one job (a relay, a projection) among the instances sharing a database: a PostgreSQL session
 * advisory lock held on a dedicated connection that never goes back to a pool. The leader does its database work
 * on that very connection, so while it can write at all it is still the leader; when its process dies or the
 * connection breaks, PostgreSQL ends the session, releases the lock and a standby takes over.
 * Not thread-safe: one job thread owns it.
 */
public final class LeaderLock implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String name;
    private final long key;
    private PgConnection connection;

    public LeaderLock(Vertx vertx, PgConnectOptions options, String name) {
        this.vertx = vertx;
        this.options = new PgConnectOptions(options).setTcpKeepAlive(true);
        this.name = name;
        this.key = keyOf(name);
    }

    /** A stable 64-bit lock key for a job name; every instance derives the same one. */
    static long keyOf(String name) {
        return UUID.nameUUIDFromBytes(("csp-leader:" + name).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    public String name() {
        return name;
    }

    /** Becomes the leader if no one else is; true when this instance holds the lock (now or already). */
    public boolean tryAcquire() {
        if (connection != null) {
            return true;
        }
        PgConnection candidate = PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
        try {
            boolean acquired = candidate
                    .preparedQuery("SELECT pg_try_advisory_lock($1) AS acquired")
                    .execute(Tuple.of(key))
                    .await()
                    .atMost(TIMEOUT)
                    .iterator()
                    .next()
                    .getBoolean("acquired");
            if (acquired) {
                connection = candidate;
                return true;
            }
        } catch (RuntimeException e) {
            closeQuietly(candidate);
            throw e;
        }
        closeQuietly(candidate);
        return false;
    }

    public boolean held() {
        return connection != null;
    }

    /** The leader's own connection: do the job's writes here, so that only the lock holder can make them. */
    public SqlConnection connection() {
        if (connection == null) {
            throw new IllegalStateException("Not the leader of " + name);
        }
        return connection;
    }

    /** Gives leadership up by ending the session (PostgreSQL releases the lock with it). */
    public void release() {
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            closeQuietly(current);
        }
    }

    @Override
    public void close() {
        release();
    }

    private static void closeQuietly(SqlConnection connection) {
        try {
            connection.close().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // the session is gone either way, and the lock with it
        }
    }
}
