package org.csp.eventsourcing.leadership;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Leadership of one job (a relay, a projection) among the instances sharing a database: a PostgreSQL session
 * advisory lock held on a dedicated connection that never goes back to a pool. The leader does its database work
 * on that very connection, so while it can write at all it is still the leader; when its process dies, the
 * connection breaks or the server ends the session, PostgreSQL releases the lock and a standby takes over.
 *
 * <p>The session is told to end itself soon after its client stops answering, rather than after the operating
 * system's TCP keep-alive (hours): see {@link #sessionSettings(String, Duration)}. One job thread owns the lock;
 * {@link #abandon()} may be called from another thread (a {@link LeaderWorker}'s watchdog).
 */
public final class LeaderLock implements AutoCloseable {

    /** How long a leader may make no progress before it gives leadership up ({@code csp.leadership.stall-limit}). */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(20);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String name;
    private final long key;
    private final Duration stallLimit;
    private volatile PgConnection connection;

    public LeaderLock(Vertx vertx, PgConnectOptions options, String name) {
        this(vertx, options, name, DEFAULT_STALL_LIMIT);
    }

    public LeaderLock(Vertx vertx, PgConnectOptions options, String name, Duration stallLimit) {
        this.vertx = vertx;
        this.options = new PgConnectOptions(options).setTcpKeepAlive(true);
        Map<String, String> properties = new HashMap<>(this.options.getProperties());
        properties.putAll(sessionSettings(name, stallLimit));
        this.options.setProperties(properties);
        this.name = name;
        this.key = keyOf(name);
        this.stallLimit = stallLimit;
    }

    /** A stable 64-bit lock key for a job name; every instance derives the same one. */
    static long keyOf(String name) {
        return UUID.nameUUIDFromBytes(("csp-leader:" + name).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    /**
     * The lock session's settings, sent when it connects. The server ends the session, and so releases the lock,
     * when a leader vanishes without closing it (its host or network gone): keep-alive probes after a quarter of the
     * stall limit, unanswered data after the limit, a transaction left idle for the limit, and a check every quarter of
     * it whether the client is still there while a statement runs. Each alone ends a lost leader's session well within
     * the limit; the in-process watchdog ({@link LeaderWorker}) covers a leader whose process lives but whose loop
     * hangs. {@code application_name} names the job in {@code pg_stat_activity}.
     */
    static Map<String, String> sessionSettings(String name, Duration stallLimit) {
        long millis = Math.max(1000, stallLimit.toMillis());
        long seconds = millis / 1000;
        return Map.of(
                "application_name", "csp-leader " + name,
                "tcp_keepalives_idle", Long.toString(Math.max(1, seconds / 4)),
                "tcp_keepalives_interval", Long.toString(Math.max(1, seconds / 8)),
                "tcp_keepalives_count", "3",
                "tcp_user_timeout", Long.toString(millis),
                "idle_in_transaction_session_timeout", Long.toString(millis),
                "client_connection_check_interval", Long.toString(Math.max(1000, millis / 4)));
    }

    public String name() {
        return name;
    }

    /** How long the leader's loop may make no progress before its leadership is given up. */
    public Duration stallLimit() {
        return stallLimit;
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
                // the server ended the session (terminated, timed out) or the connection broke: the lock is gone
                candidate.closeHandler(() -> lost(candidate));
                return true;
            }
        } catch (RuntimeException e) {
            closeQuietly(candidate);
            throw e;
        }
        closeQuietly(candidate);
        return false;
    }

    /** Whether this instance holds the lock, as far as it knows: false from the moment its session is gone. */
    public boolean held() {
        return connection != null;
    }

    /** The leader's own connection: do the job's writes here, so that only the lock holder can make them. */
    public SqlConnection connection() {
        SqlConnection current = connection;
        if (current == null) {
            throw new IllegalStateException("Not the leader of " + name);
        }
        return current;
    }

    /** Gives leadership up by ending the session (PostgreSQL releases the lock with it). */
    public void release() {
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            closeQuietly(current);
        }
    }

    /**
     * Gives leadership up from another thread, without waiting: the session is closed under whatever the owning
     * thread is doing, which then fails on it and finds the lock gone.
     */
    public void abandon() {
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            current.close().subscribe().with(ignored -> {}, ignored -> {});
        }
    }

    @Override
    public void close() {
        release();
    }

    private void lost(PgConnection closed) {
        if (connection == closed) {
            connection = null;
        }
    }

    private static void closeQuietly(SqlConnection connection) {
        try {
            connection.close().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // the session is gone either way, and the lock with it
        }
    }
}
