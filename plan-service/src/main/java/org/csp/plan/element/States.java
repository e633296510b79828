package org.csp.plan.element;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StateJson;
import org.csp.eventsourcing.StoredEvent;

/**
 * The current state of every aggregate of the plan service, one row per stream, written in the same transaction as
 * the stream's append: the query side of lists, filters, the plan tree and the review checks. It is derived data:
 * when {@link #FORMAT} changes (a state record changed shape), the table is rebuilt from the event store at start
 * ({@link QueryTable}).
 */
public final class States {

    /** Bump when a state record changes shape; the next start rebuilds the table from the events. */
    static final int FORMAT = 3;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS plan_state (
                partnership_id text   NOT NULL,
                kind           text   NOT NULL,
                id             text   NOT NULL,
                version        bigint NOT NULL,
                state          jsonb  NOT NULL,
                PRIMARY KEY (partnership_id, kind, id));
            DROP TABLE IF EXISTS plan_state_format;
            DROP TABLE IF EXISTS initiative_summary""";

    /** A state with the stream version it was folded to. */
    public record Versioned<S>(String id, S state, long version) {}

    private States() {}

    static <S> Uni<Void> upsert(
            SqlClient tx, String partnershipId, Kind<?, ?, S> kind, String id, S state, long version) {
        return tx.preparedQuery("""
                        INSERT INTO plan_state (partnership_id, kind, id, version, state) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (partnership_id, kind, id) DO UPDATE SET version = excluded.version, state = excluded.state""")
                .execute(Tuple.of(partnershipId, kind.name(), id, version, StateJson.write(state)))
                .replaceWithVoid();
    }

    /** Every aggregate of a kind in a partnership, ordered by id. */
    public static <S> Uni<List<Versioned<S>>> list(SqlClient client, String partnershipId, Kind<?, ?, S> kind) {
        return client.preparedQuery(
                        "SELECT id, version, state FROM plan_state WHERE partnership_id = $1 AND kind = $2 ORDER BY id")
                .execute(Tuple.of(partnershipId, kind.name()))
                .map(rows -> {
                    List<Versioned<S>> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(read(kind, row));
                    }
                    return list;
                });
    }

    /**
     * One aggregate's state. With {@code lock}, the row is share-locked to the end of the transaction, so that a
     * concurrent change to it (a review being closed) waits for this transaction, or this one sees its result.
     */
    public static <S> Uni<Optional<Versioned<S>>> find(
            SqlClient client, String partnershipId, Kind<?, ?, S> kind, String id, boolean lock) {
        return client.preparedQuery(
                        "SELECT id, version, state FROM plan_state WHERE partnership_id = $1 AND kind = $2 AND id = $3"
                                + (lock ? " FOR SHARE" : ""))
                .execute(Tuple.of(partnershipId, kind.name(), id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(read(kind, rows.iterator().next())));
    }

    /** Creates the table; refills it from the event store when it was written in another format (or never). */
    public static void prepare(EventStore store, List<Kind<?, ?, ?>> kinds) {
        Map<String, Kind<?, ?, ?>> byName = new HashMap<>();
        kinds.forEach(kind -> byName.put(kind.name(), kind));
        java.util.Set<String> reads = new java.util.HashSet<>();
        kinds.forEach(kind -> reads.addAll(kind.types().readTypes()));
        QueryTable.prepare(
                store,
                "plan_state",
                FORMAT,
                DDL,
                reads,
                (tx, events) -> tx.query("DELETE FROM plan_state").execute().flatMap(ignored -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Folded f : fold(events, byName).values()) {
                        chain = chain.flatMap(nothing -> f.upsert(tx));
                    }
                    return chain;
                }));
    }

    /** The events of many streams folded per stream, e.g. the whole log or the log before a plan revision. */
    public static Map<String, Folded> fold(List<StoredEvent> events, Map<String, Kind<?, ?, ?>> kinds) {
        Map<String, Folded> streams = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            String[] parts = event.streamId().split(":", 3);
            Kind<?, ?, ?> kind = parts.length == 3 ? kinds.get(parts[1]) : null;
            if (kind == null) {
                throw new IllegalStateException("Stream '" + event.streamId() + "' is of no known kind");
            }
            streams.computeIfAbsent(event.streamId(), s -> Folded.start(kind, event.partnershipId(), parts[2]))
                    .add(event);
        }
        return streams;
    }

    /** One stream folded so far. */
    public static final class Folded {
        private final Kind<Object, Object, Object> kind;
        private final String partnershipId;
        private final String id;
        private Object state;
        private long version;

        @SuppressWarnings("unchecked")
        private Folded(Kind<?, ?, ?> kind, String partnershipId, String id) {
            this.kind = (Kind<Object, Object, Object>) kind;
            this.partnershipId = partnershipId;
            this.id = id;
            this.state = this.kind.decider().initialState();
        }

        static Folded start(Kind<?, ?, ?> kind, String partnershipId, String id) {
            return new Folded(kind, partnershipId, id);
        }

        void add(StoredEvent event) {
            state = kind.decider().evolve(state, kind.types().decode(event));
            version = event.version();
        }

        public String kind() {
            return kind.name();
        }

        public String id() {
            return id;
        }

        public Object state() {
            return state;
        }

        public long version() {
            return version;
        }

        Uni<Void> upsert(SqlClient tx) {
            return States.upsert(tx, partnershipId, kind, id, state, version);
        }
    }

    private static <S> Versioned<S> read(Kind<?, ?, S> kind, Row row) {
        return new Versioned<>(
                row.getString("id"),
                StateJson.read(row.getJsonObject("state"), kind.stateType()),
                row.getLong("version"));
    }
}
