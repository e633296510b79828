package org.csp.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.csp.contracts.EventLimits;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The append-only event table of one service's database: the service's source of truth and its outbox.
 *
 * <p>Appends take a transaction-scoped advisory lock before drawing positions, so global positions become
 * visible in commit order and the relay can never skip an event that commits late (see docs/architecture.md).
 * {@code UNIQUE(stream_id, version)} is the optimistic concurrency guard.
 */
@ApplicationScoped
public class EventStore {

    /** Key of the advisory lock that orders appends; any constant will do, it only has to be the same for all. */
    public static final long APPEND_LOCK = 0x637370L;

    private static final UUID NO_ID = new UUID(0, 0);

    private static final String COLUMNS =
            "position, event_id, stream_id, version, type, partnership_id, payload::text AS payload, occurred_at, actor_subject, actor_client";

    private final Pool pool;
    private final Runnable onCommitted;
    private final String source;

    @Inject
    public EventStore(
            Pool pool,
            Event<EventsCommitted> committed,
            @ConfigProperty(name = "csp.relay.source", defaultValue = "") String source) {
        this(pool, () -> committed.fire(EventsCommitted.INSTANCE), source);
    }

    /** For use outside CDI: {@code onCommitted} runs after each transaction of {@link #inTransaction} commits. */
    public EventStore(Pool pool, Runnable onCommitted) {
        this(pool, onCommitted, "");
    }

    /**
     * {@code source}: the CloudEvents source the relay publishes these events with (the service's name), counted in
     * an event's size.
     */
    public EventStore(Pool pool, Runnable onCommitted, String source) {
        this.pool = pool;
        this.onCommitted = onCommitted;
        this.source = source;
    }

    /**
     * Runs {@code work} in one transaction, then writes every append it staged in one statement (taking the append
     * lock only now, so that it is held for that insert and the commit alone) and commits. After the commit the relay
     * is told there is something to publish.
     */
    public <T> Uni<T> inTransaction(Function<UnitOfWork, Uni<T>> work) {
        return pool.withTransaction(connection -> {
                    UnitOfWork unit = new UnitOfWork(connection, now());
                    return work.apply(unit).call(ignored -> append(connection, unit.appends(), unit.now(), false));
                })
                .invoke(onCommitted);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public Pool pool() {
        return pool;
    }

    /** Creates the event table and the relay checkpoint if they are missing (a service does it at start-up). */
    public Uni<Void> createTables() {
        return pool.query(EventStoreSchema.DDL).execute().replaceWithVoid();
    }

    public Uni<List<StoredEvent>> readStream(SqlClient client, String streamId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE stream_id = $1 ORDER BY version")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /** The events of several streams in one query, by stream and in version order within each. */
    public Uni<List<StoredEvent>> readStreams(SqlClient client, List<String> streamIds) {
        return client.preparedQuery(
                        "SELECT " + COLUMNS + " FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, version")
                .execute(Tuple.of(streamIds.toArray(String[]::new)))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /** Committed events after {@code position}, in position order. */
    public Uni<List<StoredEvent>> readAfter(SqlClient client, long position, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE position > $1 ORDER BY position LIMIT $2")
                .execute(Tuple.of(position, limit))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /**
     * Every committed event of the given types, in position order: what a query table's refill folds, without the
     * events it does not read (a store of millions of data points holds few indicators).
     */
    public Uni<List<StoredEvent>> readTypes(SqlClient client, Set<String> types) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE type = ANY ($1) ORDER BY position")
                .execute(Tuple.of(types.toArray(String[]::new)))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /**
     * A partnership's committed events before {@code position} (all of them with {@link Long#MAX_VALUE}), in position
     * order: the log as it stood at that point, e.g. to read an earlier revision of a plan.
     */
    public Uni<List<StoredEvent>> readPartnership(SqlClient client, String partnershipId, long position) {
        return client.preparedQuery("SELECT " + COLUMNS
                        + " FROM events WHERE partnership_id = $1 AND position < $2 ORDER BY position")
                .execute(Tuple.of(partnershipId, position))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /**
     * Appends the events of many streams in one statement, inside the caller's transaction, and returns them in
     * position order. Positions follow the order of {@code appends} and of the events within each. Fails with
     * {@link ConcurrencyConflict} when a stream is no longer at its expected version. The append lock is held from
     * here to the end of the transaction: do everything else first ({@link #inTransaction} does).
     */
    public Uni<List<StoredEvent>> append(SqlConnection tx, List<StreamAppend> appends) {
        return append(tx, appends, now(), true);
    }

    /**
     * {@code returning}: whether the caller wants the stored events back; a unit of work does not, and leaving the
     * payloads in the database saves sending every one of them back over the wire. Event ids are UUID version 7
     * from PostgreSQL's {@code uuidv7()}: time-ordered, so the unique index on them grows at its end instead of
     * touching a random page of an ever larger index for every event (as random ids did).
     *
     * <p>An event whose CloudEvent would exceed {@link EventLimits#MAX_EVENT_BYTES} fails the append with a 413
     * problem, and so the caller's whole transaction: nothing of it is stored, an idempotency claim made in it
     * included. Its data is measured as the relay will read it, as PostgreSQL writes the stored {@code jsonb} out
     * (which is not the text the service sent: spacing, key order, numbers), by the insert itself; only the events
     * that may be too large come back.
     */
    private Uni<List<StoredEvent>> append(
            SqlConnection tx, List<StreamAppend> appends, OffsetDateTime now, boolean returning) {
        int size = appends.stream().mapToInt(a -> a.events().size()).sum();
        if (size == 0) {
            return Uni.createFrom().item(List.of());
        }
        String[] streams = new String[size];
        Long[] versions = new Long[size];
        String[] types = new String[size];
        String[] partnerships = new String[size];
        String[] payloads = new String[size];
        OffsetDateTime[] times = new OffsetDateTime[size];
        String[] subjects = new String[size];
        String[] clients = new String[size];
        int i = 0;
        for (StreamAppend append : appends) {
            long version = append.expectedVersion();
            for (NewEvent event : append.events()) {
                streams[i] = append.streamId();
                versions[i] = ++version;
                types[i] = event.type();
                partnerships[i] = append.partnershipId();
                payloads[i] = event.payload();
                times[i] = now;
                subjects[i] = append.actor().subject();
                clients[i] = append.actor().client();
                i++;
            }
        }
        // Only an event with at least this much data can be too large; the exact check is per event, below.
        long envelope = 0;
        for (int e = 0; e < size; e++) {
            envelope = Math.max(envelope, envelopeBytes(streams[e], versions[e], types[e], partnerships[e], now));
        }
        Tuple params = Tuple.tuple()
                .addArrayOfString(streams)
                .addArrayOfLong(versions)
                .addArrayOfString(types)
                .addArrayOfString(partnerships)
                .addArrayOfString(payloads)
                .addArrayOfOffsetDateTime(times)
                .addArrayOfString(subjects)
                .addArrayOfString(clients);
        if (!returning) {
            params.addLong(EventLimits.MAX_EVENT_BYTES - envelope);
        }
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(APPEND_LOCK))
                .flatMap(locked -> tx.preparedQuery("""
                                WITH appended AS (
                                    INSERT INTO events (event_id, stream_id, version, type, partnership_id, payload,
                                                        occurred_at, actor_subject, actor_client)
                                    SELECT uuidv7(), e.stream, e.version, e.type, e.partnership, e.payload::jsonb, e.at, e.subject, e.client
                                      FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                                                  $6::timestamptz[], $7::text[], $8::text[]) WITH ORDINALITY
                                           AS e(stream, version, type, partnership, payload, at, subject, client, ord)
                                     ORDER BY e.ord
                                    RETURNING %s, octet_length(payload::text) AS data_bytes)
                                SELECT * FROM appended %s""".formatted(
                                        returning ? COLUMNS : "stream_id, version, type",
                                        returning ? "" : "WHERE data_bytes > $9"))
                        .execute(params))
                .map(rows -> {
                    for (Row row : rows) {
                        long bytes = row.getLong("data_bytes")
                                + envelopeBytes(
                                        row.getString("stream_id"),
                                        row.getLong("version"),
                                        row.getString("type"),
                                        partnershipOf(appends, row.getString("stream_id")),
                                        now);
                        if (bytes > EventLimits.MAX_EVENT_BYTES) {
                            throw EventSize.tooLarge(
                                    row.getString("type"),
                                    bytes,
                                    payloadOf(
                                            streams,
                                            versions,
                                            payloads,
                                            row.getString("stream_id"),
                                            row.getLong("version")));
                        }
                    }
                    if (!returning) {
                        return List.<StoredEvent>of();
                    }
                    List<StoredEvent> stored = new ArrayList<>(rows.size());
                    rows.forEach(row -> stored.add(toEvent(row)));
                    stored.sort((a, b) -> Long.compare(a.position(), b.position()));
                    return stored;
                })
                .onFailure(PgException.class)
                .transform(failure -> {
                    PgException pg = (PgException) failure;
                    if ("23505".equals(pg.getSqlState()) && "events_stream_id_version_key".equals(pg.getConstraint())) {
                        StreamAppend first = appends.stream()
                                .filter(a ->
                                        pg.getDetail() != null && pg.getDetail().contains("(" + a.streamId() + ","))
                                .findFirst()
                                .orElse(appends.getFirst());
                        return new ConcurrencyConflict(
                                first.streamId(), first.expectedVersion(), null, first.preconditionFromClient());
                    }
                    return failure;
                });
    }

    /** What the relay's record holds besides the event's data: key and headers (the event id's length is fixed). */
    private long envelopeBytes(String stream, long version, String type, String partnership, OffsetDateTime at) {
        return CloudEventCodec.encodedBytes(
                source, new StoredEvent(0, NO_ID, stream, version, type, partnership, "", at, Actor.SYSTEM), 0);
    }

    private static String partnershipOf(List<StreamAppend> appends, String stream) {
        return appends.stream()
                .filter(a -> a.streamId().equals(stream))
                .findFirst()
                .orElseThrow()
                .partnershipId();
    }

    private static String payloadOf(String[] streams, Long[] versions, String[] payloads, String stream, long version) {
        for (int i = 0; i < streams.length; i++) {
            if (streams[i].equals(stream) && versions[i] == version) {
                return payloads[i];
            }
        }
        throw new IllegalStateException("no event " + version + " of " + stream + " in this append");
    }

    private static StoredEvent toEvent(Row row) {
        return new StoredEvent(
                row.getLong("position"),
                row.getUUID("event_id"),
                row.getString("stream_id"),
                row.getLong("version"),
                row.getString("type"),
                row.getString("partnership_id"),
                row.getString("payload"),
                row.getOffsetDateTime("occurred_at"),
                new Actor(row.getString("actor_subject"), row.getString("actor_client")));
    }

    /** CDI signal fired after a transaction that may have appended events commits. */
    public enum EventsCommitted {
        INSTANCE
    }
}
