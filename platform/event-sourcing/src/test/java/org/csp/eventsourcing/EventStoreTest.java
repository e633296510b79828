package org.csp.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.csp.contracts.EventLimits;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event store against a real PostgreSQL: concurrency guard, append-only table, commit-ordered positions. */
class EventStoreTest {

    private static Pool pool;
    private static EventStore store;
    private static final AtomicInteger commits = new AtomicInteger();

    @BeforeAll
    static void start() {
        pool = KernelServers.database().pool();
        store = new EventStore(pool, commits::incrementAndGet);
    }

    @AfterAll
    static void stop() {
        pool.close().await().indefinitely();
    }

    private static StreamAppend append(String stream, long expected, String... types) {
        return new StreamAppend(
                stream,
                "stroud",
                expected,
                java.util.Arrays.stream(types)
                        .map(t -> new NewEvent(t, "{\"n\":1}"))
                        .toList(),
                new Actor("tester", "csp-cli"));
    }

    @Test
    void appendsGetConsecutiveVersionsAndCarryTheirEnvelope() {
        String stream = "stroud:test:" + UUID.randomUUID();
        stage(append(stream, 0, "test.thing.a.v1", "test.thing.b.v1"));
        List<StoredEvent> read = store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::version).toList());
        assertTrue(read.get(0).position() < read.get(1).position());
        assertEquals("test.thing.b.v1", read.get(1).type());
        assertEquals("stroud", read.get(1).partnershipId());
        assertEquals(new Actor("tester", "csp-cli"), read.get(1).actor());
        assertEquals("{\"n\": 1}", read.get(1).payload());
        assertTrue(commits.get() > 0, "the relay is told about commits");
    }

    /** What a query table's refill reads: the events of its types, in position order, and no others. */
    @Test
    void readTypesReadsOnlyThoseTypesInPositionOrder() {
        String stream = "stroud:test:" + UUID.randomUUID();
        String kind = "test.only-" + UUID.randomUUID().toString().substring(0, 8);
        stage(append(stream, 0, kind + ".a.v1", "test.thing.b.v1", kind + ".c.v1"));
        List<StoredEvent> read = store.readTypes(pool, java.util.Set.of(kind + ".a.v1", kind + ".c.v1"))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(
                List.of(kind + ".a.v1", kind + ".c.v1"),
                read.stream().map(StoredEvent::type).toList());
        assertEquals(List.of(1L, 3L), read.stream().map(StoredEvent::version).toList());
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndStoresNothing() {
        String stream = "stroud:test:" + UUID.randomUUID();
        stage(append(stream, 0, "test.thing.a.v1"));
        assertThrows(
                ConcurrencyConflict.class,
                () -> stage(
                        append("stroud:test:other-" + UUID.randomUUID(), 0, "test.thing.a.v1"),
                        append(stream, 0, "test.thing.b.v1")));
        assertEquals(
                1,
                store.readStream(pool, stream)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size());
    }

    @Test
    void theEventTableIsAppendOnly() {
        String stream = "stroud:test:" + UUID.randomUUID();
        stage(append(stream, 0, "test.thing.a.v1"));
        for (String sql : List.of(
                "UPDATE events SET type = 'x' WHERE stream_id = $1", "DELETE FROM events WHERE stream_id = $1")) {
            PgException refused = assertThrows(
                    PgException.class,
                    () -> pool.preparedQuery(sql)
                            .execute(Tuple.of(stream))
                            .await()
                            .atMost(Duration.ofSeconds(10)));
            assertTrue(refused.getErrorMessage().contains("append-only"), refused.getErrorMessage());
        }
        List<StoredEvent> kept = store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10));
        assertEquals(
                List.of("test.thing.a.v1"), kept.stream().map(StoredEvent::type).toList());
    }

    @Test
    void positionsFollowTheOrderOfTheAppendsAndOfTheirEvents() {
        List<StreamAppend> appends = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            appends.add(append(
                    "stroud:order:" + UUID.randomUUID(), 0, "test.thing.a.v1", "test.thing.b.v1", "test.thing.c.v1"));
        }
        stage(appends.toArray(StreamAppend[]::new));
        List<Long> positions = new java.util.ArrayList<>();
        for (StreamAppend append : appends) {
            List<StoredEvent> events =
                    store.readStream(pool, append.streamId()).await().atMost(Duration.ofSeconds(10));
            assertEquals(
                    List.of("test.thing.a.v1", "test.thing.b.v1", "test.thing.c.v1"),
                    events.stream().map(StoredEvent::type).toList());
            events.forEach(e -> positions.add(e.position()));
        }
        assertEquals(positions.stream().sorted().toList(), positions, "positions in the order the events were given");
    }

    @Test
    void eventIdsAreTimeOrderedSoTheirIndexGrowsAtItsEnd() {
        String stream = "stroud:ids:" + UUID.randomUUID();
        stage(append(stream, 0, "test.thing.a.v1", "test.thing.b.v1"));
        stage(append(stream, 2, "test.thing.c.v1", "test.thing.a.v1"));
        List<StoredEvent> events = store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10));
        assertEquals(4, events.size());
        long previousMillis = 0;
        for (StoredEvent event : events) {
            assertEquals(7, event.eventId().version(), "UUID version 7: " + event.eventId());
            long millis = event.eventId().getMostSignificantBits() >>> 16;
            assertTrue(millis >= previousMillis, "ids in position order have non-decreasing timestamps: " + events);
            assertTrue(
                    Math.abs(millis - event.occurredAt().toInstant().toEpochMilli()) < 60_000,
                    "the id's timestamp is the time of the append: " + event);
            previousMillis = millis;
        }
    }

    @Test
    void aUnitOfWorkTakesTheAppendLockOnlyAfterItsOwnWork() throws Exception {
        // While another transaction holds the append lock, a unit of work that has staged an append can still do
        // its reads and query-table writes afterwards; it waits only for its final insert.
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            holder.query("BEGIN").execute().await().atMost(Duration.ofSeconds(10));
            store.append(holder, List.of(append("stroud:test:" + UUID.randomUUID(), 0, "test.thing.a.v1")))
                    .await()
                    .atMost(Duration.ofSeconds(10));
            CompletableFuture<Void> workDone = new CompletableFuture<>();
            CompletableFuture<Void> committed = store.inTransaction(unit -> {
                        unit.append(append("stroud:test:" + UUID.randomUUID(), 0, "test.thing.b.v1"));
                        return unit.connection()
                                .query("SELECT 1")
                                .execute()
                                .invoke(() -> workDone.complete(null))
                                .replaceWithVoid();
                    })
                    .subscribeAsCompletionStage();
            workDone.get(5, TimeUnit.SECONDS);
            assertThrows(
                    TimeoutException.class,
                    () -> committed.get(500, TimeUnit.MILLISECONDS),
                    "the insert waits for the lock");
            holder.query("COMMIT").execute().await().atMost(Duration.ofSeconds(10));
            committed.get(10, TimeUnit.SECONDS);
        } finally {
            holder.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void twoCommandsOnOneStreamInOneUnitAreWrittenTogether() {
        String stream = "stroud:test:" + UUID.randomUUID();
        store.inTransaction(unit -> {
                    unit.append(append(stream, 0, "test.thing.a.v1"));
                    unit.append(append(stream, 1, "test.thing.b.v1"));
                    assertThrows(ConcurrencyConflict.class, () -> unit.append(append(stream, 1, "test.thing.c.v1")));
                    return io.smallrye.mutiny.Uni.createFrom().voidItem();
                })
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(
                List.of(1L, 2L),
                store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10)).stream()
                        .map(StoredEvent::version)
                        .toList());
    }

    /**
     * An event over the maximum fails the whole unit of work with a 413 that names its largest field: nothing of the
     * unit is stored, a row it wrote first (as an idempotency claim is) included.
     */
    @Test
    void anEventTooLargeIsRefusedBeforeAnythingIsStored() {
        pool.query("CREATE TABLE IF NOT EXISTS claim (key text PRIMARY KEY)")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));
        String key = UUID.randomUUID().toString();
        String small = "stroud:test:" + UUID.randomUUID();
        String large = "stroud:engagement:" + UUID.randomUUID();
        String organisations = java.util.stream.IntStream.range(0, 12_000)
                .mapToObj(i -> "\"Organisation number " + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String payload = "{\"engagementId\": \"e1\", \"details\": {\"title\": \"Workshop\", \"organisations\": "
                + organisations + "}}";
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> store.inTransaction(unit -> unit.connection()
                                .preparedQuery("INSERT INTO claim (key) VALUES ($1)")
                                .execute(Tuple.of(key))
                                .invoke(() -> {
                                    unit.append(append(small, 0, "test.thing.a.v1"));
                                    unit.append(new StreamAppend(
                                            large,
                                            "stroud",
                                            0,
                                            List.of(new NewEvent("engagement.activity.recorded.v2", payload)),
                                            Actor.SYSTEM));
                                }))
                        .await()
                        .atMost(Duration.ofSeconds(20)));
        assertEquals(413, refused.status());
        assertEquals("event-too-large", refused.type());
        assertTrue(refused.getMessage().contains("/details/organisations"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at most " + EventLimits.MAX_EVENT_BYTES), refused.getMessage());
        assertEquals(
                0,
                store.readStream(pool, small)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size());
        assertEquals(
                0,
                store.readStream(pool, large)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size());
        assertEquals(
                0,
                pool.preparedQuery("SELECT 1 FROM claim WHERE key = $1")
                        .execute(Tuple.of(key))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size(),
                "the claim made in the same transaction is gone");
    }

    /**
     * The maximum is the size of the record the relay sends: data as PostgreSQL writes the stored JSON out (here
     * {@code {"text": "…"}}, 12 bytes around the text), key and headers. The time header is 20 to 27 characters long
     * (an instant's fraction is written in groups of three digits), so the event at the limit is sized for the longest
     * and the one above it for the shortest: each holds whatever the clock says.
     */
    @Test
    void theMaximumIsTheSizeOfTheRecordTheRelaySends() {
        String stream = "stroud:size:" + UUID.randomUUID();
        String type = "test.thing.sized.v1";
        long longestEnvelope = envelope(stream, type, "2024-01-01T00:00:00.123456Z");
        long shortestEnvelope = envelope(stream, type, "2024-01-01T00:00:00Z");
        int atTheLimit = (int) (EventLimits.MAX_EVENT_BYTES - longestEnvelope - 12);
        int aboveIt = (int) (EventLimits.MAX_EVENT_BYTES - shortestEnvelope - 12 + 1);

        ProblemException refused =
                assertThrows(ProblemException.class, () -> stage(sized(stream, 0, type, aboveIt)), "one byte too many");
        assertEquals(413, refused.status());
        stage(sized(stream, 0, type, atTheLimit));
        StoredEvent stored = store.readStream(pool, stream)
                .await()
                .atMost(Duration.ofSeconds(10))
                .getFirst();
        var record = CloudEventCodec.encode("topic", "", stored);
        long sent = record.key().getBytes(StandardCharsets.UTF_8).length + record.value().length;
        for (var header : record.headers()) {
            sent += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
        }
        assertTrue(sent <= EventLimits.MAX_EVENT_BYTES && sent >= EventLimits.MAX_EVENT_BYTES - 7, "sent " + sent);
    }

    private static StreamAppend sized(String stream, long expected, String type, int textLength) {
        return new StreamAppend(
                stream,
                "stroud",
                expected,
                List.of(new NewEvent(type, "{\"text\":\"" + "x".repeat(textLength) + "\"}")),
                Actor.SYSTEM);
    }

    private static long envelope(String stream, String type, String time) {
        return CloudEventCodec.encodedBytes(
                "",
                new StoredEvent(
                        0,
                        UUID.randomUUID(),
                        stream,
                        1,
                        type,
                        "stroud",
                        "",
                        java.time.OffsetDateTime.parse(time),
                        Actor.SYSTEM),
                0);
    }

    private static void stage(StreamAppend... appends) {
        store.inTransaction(unit -> {
                    for (StreamAppend a : appends) {
                        unit.append(a);
                    }
                    return io.smallrye.mutiny.Uni.createFrom().voidItem();
                })
                .await()
                .atMost(Duration.ofSeconds(20));
    }

    /**
     * The no-skip rule: while one transaction that appended is still open, a second append waits, so a reader
     * can never see a higher position committed before a lower one.
     */
    @Test
    void positionsBecomeVisibleInCommitOrder() throws Exception {
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            first.query("BEGIN").execute().await().atMost(Duration.ofSeconds(10));
            long before = lastPosition();
            List<StoredEvent> firstEvents = store.append(
                            first, List.of(append("stroud:test:" + UUID.randomUUID(), 0, "test.thing.a.v1")))
                    .await()
                    .atMost(Duration.ofSeconds(10));

            String secondStream = "stroud:test:" + UUID.randomUUID();
            CompletableFuture<Void> second = store.inTransaction(unit -> {
                        unit.append(append(secondStream, 0, "test.thing.b.v1"));
                        return io.smallrye.mutiny.Uni.createFrom().voidItem();
                    })
                    .subscribeAsCompletionStage();
            assertThrows(
                    TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS), "the second append waits");
            assertEquals(before, lastPosition(), "nothing is visible while the first transaction is open");

            first.query("COMMIT").execute().await().atMost(Duration.ofSeconds(10));
            second.get(10, TimeUnit.SECONDS);
            List<StoredEvent> secondEvents =
                    store.readStream(pool, secondStream).await().atMost(Duration.ofSeconds(10));
            assertTrue(
                    secondEvents.getFirst().position() > firstEvents.getFirst().position());
            List<Long> after = store.readAfter(pool, before, 10).await().atMost(Duration.ofSeconds(10)).stream()
                    .map(StoredEvent::position)
                    .toList();
            assertEquals(
                    List.of(
                            firstEvents.getFirst().position(),
                            secondEvents.getFirst().position()),
                    after);
        } finally {
            first.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static long lastPosition() {
        var rows = pool.query("SELECT coalesce(max(position), 0) AS p FROM events")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong("p");
    }
}
