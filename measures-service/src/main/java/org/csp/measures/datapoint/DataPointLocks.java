package org.csp.measures.datapoint;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import org.csp.eventsourcing.EventStore;

/**
 * Writers of data points take their points in turn: a transaction locks a row per data point stream, new ones
 * included, always in the streams' order, before it reads their current revisions. Batches that overlap wait for each
 * other on the points they share, one after the other, and never decide on a revision another is about to replace:
 * none is retried whole or refused for another's sake, and no two can deadlock (one order for all). Row locks, unlike
 * advisory locks, take no room in PostgreSQL's shared lock table, whatever the size of a batch.
 */
final class DataPointLocks {

    static final String DDL = "CREATE TABLE IF NOT EXISTS data_point_lock (stream_id text PRIMARY KEY)";

    private DataPointLocks() {}

    static void prepare(EventStore store) {
        store.pool().query(DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    /**
     * Locks the streams in {@code tx} until it ends. A stream seen for the first time gets its row first (a concurrent
     * first writer of the same stream waits for this transaction, in the same order).
     */
    static Uni<Void> lock(SqlClient tx, Collection<String> streamIds) {
        String[] ordered = new TreeSet<>(streamIds).toArray(String[]::new);
        if (ordered.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO data_point_lock (stream_id)
                        SELECT s FROM unnest($1::text[]) AS s ORDER BY s COLLATE "C" ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple().addArrayOfString(ordered))
                .flatMap(inserted -> tx.preparedQuery("""
                                SELECT stream_id FROM data_point_lock WHERE stream_id = ANY($1::text[])
                                ORDER BY stream_id COLLATE "C" FOR UPDATE""").execute(Tuple.tuple().addArrayOfString(ordered)))
                .replaceWithVoid();
    }
}
