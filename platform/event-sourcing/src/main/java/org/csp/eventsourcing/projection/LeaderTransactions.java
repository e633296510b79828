package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.function.Function;
import org.csp.eventsourcing.leadership.LeaderLock;

/**
 * The leader's database work, on the lock's own connection (an instance that lost the lock cannot write), waited for
 * on the consuming thread.
 */
final class LeaderTransactions {

    static final Duration DB_TIMEOUT = Duration.ofMinutes(1);

    private final LeaderLock lock;

    LeaderTransactions(LeaderLock lock) {
        this.lock = lock;
    }

    /** Runs {@code work} in one transaction with {@code schema} alone on the search path; rolls back on a failure. */
    <T> T inTransaction(String schema, Function<SqlConnection, Uni<T>> work) {
        SqlConnection connection = lock.connection();
        Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
        try {
            connection
                    .preparedQuery("SELECT set_config('search_path', $1, true)")
                    .execute(Tuple.of(schema))
                    .await()
                    .atMost(DB_TIMEOUT);
            T result = work.apply(connection).await().atMost(DB_TIMEOUT);
            tx.commit().await().atMost(DB_TIMEOUT);
            return result;
        } catch (RuntimeException e) {
            try {
                tx.rollback().await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                // the connection is broken: the transaction is gone with it
            }
            throw e;
        }
    }

    /** One statement outside a transaction of its own. */
    <T> T now(Function<SqlConnection, Uni<T>> work) {
        return work.apply(lock.connection()).await().atMost(DB_TIMEOUT);
    }
}
