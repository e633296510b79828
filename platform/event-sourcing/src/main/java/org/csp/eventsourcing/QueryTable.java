package org.csp.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A service's query table is derived data: the event store can always refill it. At start each table is created and,
 * when the format it was written in ({@code query_table_format}) is not the code's, refilled from the events, in one
 * transaction that a second instance starting at the same time waits for. Bump a table's format when the state it
 * keeps changes shape.
 */
public final class QueryTable {

    private static final Logger LOG = Logger.getLogger(QueryTable.class);

    private static final String DDL =
            "CREATE TABLE IF NOT EXISTS query_table_format (name text PRIMARY KEY, format int NOT NULL)";

    /** One stream folded: its partnership, the version it was folded to, and its state. */
    public record Folded<S>(String streamId, String partnershipId, long version, S state) {}

    private QueryTable() {}

    /**
     * Creates the table with {@code ddl} and, unless it is already in {@code format}, hands every stored event of the
     * types it {@code reads} to {@code refill} (which empties and refills it) within the same transaction. Only those
     * are read: a table of indicators must not load a store's millions of data points.
     */
    public static void prepare(
            EventStore store,
            String name,
            int format,
            String ddl,
            Set<String> reads,
            BiFunction<SqlConnection, List<StoredEvent>, Uni<Void>> refill) {
        store.pool()
                .withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                        .execute(Tuple.of("query-table:" + name))
                        .flatMap(ignored -> tx.query(DDL + ";\n" + ddl).execute())
                        .flatMap(ignored -> tx.preparedQuery("SELECT format FROM query_table_format WHERE name = $1")
                                .execute(Tuple.of(name)))
                        .flatMap(rows ->
                                rows.size() == 1 && rows.iterator().next().getInteger("format") == format
                                        ? Uni.createFrom().voidItem()
                                        : store.readTypes(tx, reads)
                                                .flatMap(events -> refill.apply(tx, events)
                                                        .invoke(() -> LOG.infof(
                                                                "Query table %s refilled from %d events (format %d)",
                                                                name, events.size(), format)))
                                                .flatMap(ignored ->
                                                        tx.preparedQuery("""
                                                INSERT INTO query_table_format (name, format) VALUES ($1, $2)
                                                ON CONFLICT (name) DO UPDATE SET format = excluded.format""").execute(Tuple.of(name, format)))
                                                .replaceWithVoid()))
                .await()
                .indefinitely();
    }

    /** Folds every stream of {@code events} whose types {@code types} reads (older versions upcast), in log order. */
    public static <C, E, S> List<Folded<S>> fold(
            List<StoredEvent> events, EventTypes<E> types, Decider<C, E, S> decider) {
        Map<String, Folded<S>> streams = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (types.reads(event.type())) {
                Folded<S> before = streams.get(event.streamId());
                S state = decider.evolve(before == null ? decider.initialState() : before.state(), types.decode(event));
                streams.put(
                        event.streamId(),
                        new Folded<>(event.streamId(), event.partnershipId(), event.version(), state));
            }
        }
        return new ArrayList<>(streams.values());
    }

    /**
     * The refill of a table with a row per stream: empties {@code table}, then folds the streams of {@code events}
     * that {@code types} reads and hands each to {@code write}, in the caller's transaction {@code tx}.
     */
    public static <C, E, S> Uni<Void> refill(
            SqlConnection tx,
            String table,
            List<StoredEvent> events,
            EventTypes<E> types,
            Decider<C, E, S> decider,
            Function<Folded<S>, Uni<Void>> write) {
        return tx.query("DELETE FROM " + table)
                .execute()
                .flatMap(ignored -> writeAll(fold(events, types, decider), write));
    }

    /** Runs {@code write} for each folded stream, one after the other, in the caller's transaction. */
    public static <S> Uni<Void> writeAll(List<Folded<S>> folded, Function<Folded<S>, Uni<Void>> write) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Folded<S> f : folded) {
            chain = chain.flatMap(ignored -> write.apply(f));
        }
        return chain;
    }
}
