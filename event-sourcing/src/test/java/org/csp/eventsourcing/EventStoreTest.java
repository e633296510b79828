package org.csp.eventsourcing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import org.csp.infrastructure.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event store against a real PostgreSQL: concurrency guard, append-only table, commit-ordered positions. */
class EventStoreTest {

    private static LocalPostgres postgres;
    private static Vertx vertx;
    private static Pool pool;
    private static EventStore store;
    private static final AtomicInteger commits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(Files.createDirectories(Path.of("target", "event-store-it", UUID.randomUUID().toString())), 0);
        postgres.createDatabaseIfMissing("kernel");
        vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(postgres.reactiveUrl("kernel"))
                .setUser(postgres.username());
        pool = Pool.newInstance(PgPool.pool(vertx.getDelegate(), options, new PoolOptions().setMaxSize(4)));
        pool.query(EventStoreSchema.DDL).execute().await().atMost(Duration.ofSeconds(30));
        store = new EventStore(pool, commits::incrementAndGet);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.close().await().indefinitely();
        vertx.close().await().indefinitely();
        postgres.close();
    }

    private static StreamAppend append(String stream, long expected, String... types) {
        return new StreamAppend(stream, "stroud", expected,
                java.util.Arrays.stream(types).map(t -> new NewEvent(t, "{\"n\":1}")).toList(), new Actor("tester", "csp-cli"));
    }

    @Test
    void appendsGetConsecutiveVersionsAndCarryTheirEnvelope() {
        String stream = "stroud:test:" + UUID.randomUUID();
        List<StoredEvent> stored = store.inTransaction(tx -> store.append(tx, List.of(append(stream, 0, "test.thing.a.v1", "test.thing.b.v1"))))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(1L, 2L), stored.stream().map(StoredEvent::version).toList());
        assertTrue(stored.get(0).position() < stored.get(1).position());
        List<StoredEvent> read = store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10));
        assertEquals("test.thing.b.v1", read.get(1).type());
        assertEquals("stroud", read.get(1).partnershipId());
        assertEquals(new Actor("tester", "csp-cli"), read.get(1).actor());
        assertEquals("{\"n\": 1}", read.get(1).payload());
        assertTrue(commits.get() > 0, "the relay is told about commits");
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndStoresNothing() {
        String stream = "stroud:test:" + UUID.randomUUID();
        store.inTransaction(tx -> store.append(tx, List.of(append(stream, 0, "test.thing.a.v1")))).await().atMost(Duration.ofSeconds(10));
        assertThrows(ConcurrencyConflict.class, () -> store.inTransaction(tx -> store.append(tx, List.of(
                        append("stroud:test:other-" + UUID.randomUUID(), 0, "test.thing.a.v1"),
                        append(stream, 0, "test.thing.b.v1"))))
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, store.readStream(pool, stream).await().atMost(Duration.ofSeconds(10)).size());
    }

    @Test
    void theEventTableIsAppendOnly() {
        String stream = "stroud:test:" + UUID.randomUUID();
        store.inTransaction(tx -> store.append(tx, List.of(append(stream, 0, "test.thing.a.v1")))).await().atMost(Duration.ofSeconds(10));
        assertThrows(Exception.class, () -> pool.query("UPDATE events SET type = 'x' WHERE stream_id = '" + stream + "'")
                .execute().await().atMost(Duration.ofSeconds(10)));
        assertThrows(Exception.class, () -> pool.query("DELETE FROM events WHERE stream_id = '" + stream + "'")
                .execute().await().atMost(Duration.ofSeconds(10)));
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
            List<StoredEvent> firstEvents = store.append(first, List.of(append("stroud:test:" + UUID.randomUUID(), 0, "test.thing.a.v1")))
                    .await().atMost(Duration.ofSeconds(10));

            CompletableFuture<List<StoredEvent>> second = store.inTransaction(tx -> store.append(tx,
                    List.of(append("stroud:test:" + UUID.randomUUID(), 0, "test.thing.b.v1")))).subscribeAsCompletionStage();
            assertThrows(TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS), "the second append waits");
            assertEquals(before, lastPosition(), "nothing is visible while the first transaction is open");

            first.query("COMMIT").execute().await().atMost(Duration.ofSeconds(10));
            List<StoredEvent> secondEvents = second.get(10, TimeUnit.SECONDS);
            assertTrue(secondEvents.getFirst().position() > firstEvents.getFirst().position());
            List<Long> after = store.readAfter(pool, before, 10).await().atMost(Duration.ofSeconds(10))
                    .stream().map(StoredEvent::position).toList();
            assertEquals(List.of(firstEvents.getFirst().position(), secondEvents.getFirst().position()), after);
        } finally {
            first.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static long lastPosition() {
        var rows = pool.query("SELECT coalesce(max(position), 0) AS p FROM events").execute().await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong("p");
    }
}
