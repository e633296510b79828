package org.csp.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.KernelServers;
import org.csp.eventsourcing.NewEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.eventsourcing.Waiting;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.KafkaConnection;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One record never stops the others, with a real broker and database: a topic that takes smaller records than one
 * event (a configuration mistake) refuses it; the relay records it and publishes the events after it; the consumer
 * holds the rest of that event's stream as a gap; once the topic's limit is raised and the event republished, the gap
 * is filled and every event applied exactly once.
 */
class RefusedEventTest {

    private static final String TYPE = "test.thing.happened.v1";
    private static final int TOPIC_LIMIT = 64 * 1024;
    private static final Actor ADMIN = new Actor("admin-subject", "csp-cli");

    private final KernelServers.Database db = KernelServers.database();
    private final EventStore store = new EventStore(db.pool(), () -> {}, "test-service");
    private final String topic = "refused-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Runnable> stops = new ArrayList<>();

    @AfterEach
    void stop() {
        stops.forEach(Runnable::run);
        db.pool().close().await().indefinitely();
    }

    /** Counts how often each stream version was applied: exactly once is a 1 in every row. */
    private record Tally(String topic) implements Projection {
        public String name() {
            return "tally";
        }

        public int version() {
            return 1;
        }

        public List<String> topics() {
            return List.of(topic);
        }

        public Set<String> appliedTypes() {
            return Set.of(TYPE);
        }

        public Set<String> ignoredTypes() {
            return Set.of();
        }

        public String ddl() {
            return "CREATE TABLE IF NOT EXISTS tally (stream text, version bigint, times int NOT NULL,"
                    + " PRIMARY KEY (stream, version))";
        }

        public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
            return tx.preparedQuery("""
                            INSERT INTO tally (stream, version, times) VALUES ($1, $2, 1)
                            ON CONFLICT (stream, version) DO UPDATE SET times = tally.times + 1""")
                    .executeBatch(events.stream()
                            .map(e -> Tuple.of(e.subject(), e.streamVersion()))
                            .toList())
                    .replaceWithVoid();
        }
    }

    @Test
    void aRefusedEventIsRecordedTheOthersGoOnAndItsStreamIsHeldUntilItIsRepublished() throws Exception {
        createTopic(TOPIC_LIMIT);
        String a = "stroud:test:a-" + UUID.randomUUID();
        String b = "stroud:test:b-" + UUID.randomUUID();
        String c = "stroud:test:c-" + UUID.randomUUID();
        append(a, 0, small());
        long big = append(b, 0, "{\"text\": \"" + "x".repeat(100 * 1024) + "\"}");
        append(b, 1, small(), small());
        long last = append(c, 0, small());

        OutboxRelay relay = relay();
        ProjectionRunner consumer = consumer();

        await(() -> relay.status().publishedPosition() >= last, "the relay publishes the events after the refused one");
        List<RefusedEvent> refused = relay.refused().await().atMost(Duration.ofSeconds(10));
        assertEquals(1, refused.size(), refused.toString());
        RefusedEvent record = refused.getFirst();
        assertEquals(big, record.position());
        assertEquals(b, record.stream());
        assertEquals(1, record.version());
        assertEquals(TYPE, record.type());
        assertTrue(record.reason().contains("RecordTooLargeException"), record.reason());
        assertNull(record.resolvedAt());
        assertEquals(1, relay.status().refused());
        assertTrue(relay.running(), "the relay still runs: readiness stays up");
        assertEquals(last, relay.storedCheckpoint(db.pool()).await().atMost(Duration.ofSeconds(5)));

        await(() -> tally().containsKey(c + "@1"), "the other streams' events are applied");
        await(() -> gaps(consumer).size() == 1, "the consumer holds the refused event's stream as a gap");
        ProjectionStatus.Gap gap = gaps(consumer).getFirst();
        assertEquals(b, gap.stream());
        assertEquals(1, gap.expectedVersion());
        assertEquals(2, gap.foundVersion());
        assertEquals(Map.of(a + "@1", 1, c + "@1", 1), tally(), "nothing of the held stream is applied");

        ProblemException still = assertThrows(ProblemException.class, () -> relay.republish(big, ADMIN, "try"));
        assertEquals(409, still.status(), still.getMessage());
        assertEquals("republish-refused", still.type());
        assertEquals(1, relay.status().refused(), "still refused");

        raiseTopicLimit();
        relay.republish(big, ADMIN, "the topic's max.message.bytes was raised");

        await(() -> tally().size() == 5, "the gap is filled and the held events applied");
        assertEquals(
                Map.of(a + "@1", 1, b + "@1", 1, b + "@2", 1, b + "@3", 1, c + "@1", 1),
                tally(),
                "every event applied exactly once");
        await(() -> gaps(consumer).isEmpty(), "no gap left");
        assertEquals(
                0,
                consumer.status().await().atMost(Duration.ofSeconds(10)).live().parkedCount());
        assertEquals(0, relay.status().refused());
        assertTrue(relay.refused()
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .getFirst()
                        .resolvedAt()
                != null);
        assertEquals(
                List.of("failed: RecordTooLargeException", "done"),
                audit().stream()
                        .map(o -> o.startsWith("failed:") ? o.substring(0, o.indexOf(':', 8)) : o)
                        .toList(),
                "both attempts audited");

        ProblemException again = assertThrows(ProblemException.class, () -> relay.republish(big, ADMIN, "again"));
        assertEquals(409, again.status());
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> relay.republish(last, ADMIN, "never refused"))
                        .status());
    }

    private OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay(
                store,
                RelayConfig.of(Map.of(
                        "csp.relay.topic", topic,
                        "csp.relay.source", "test-service",
                        "csp.relay.kafka.bootstrap-servers", KernelServers.kafka(),
                        "csp.relay.idle-poll", "100ms",
                        "csp.relay.send-timeout", "15s")),
                new LeaderLock(KernelServers.vertx(), db.options(), "relay:" + topic),
                KafkaProducer::new);
        relay.start();
        stops.add(relay::stop);
        return relay;
    }

    private ProjectionRunner consumer() {
        ProjectionRunner runner = new ProjectionRunner(
                new Tally(topic),
                db.pool(),
                new LeaderLock(KernelServers.vertx(), db.options(), "projection:tally"),
                new ConsumerSettings(
                        KafkaConnection.plain(KernelServers.kafka()),
                        500,
                        Duration.ofMillis(100),
                        Duration.ofMillis(300),
                        Duration.ofSeconds(30),
                        3));
        runner.start();
        stops.add(runner::stop);
        return runner;
    }

    private static String small() {
        return "{\"n\": 1}";
    }

    /** Appends events to a stream in a transaction of their own; the position of the first. */
    private long append(String stream, long expected, String... payloads) {
        List<NewEvent> events = java.util.Arrays.stream(payloads)
                .map(p -> new NewEvent(TYPE, p))
                .toList();
        return db.pool()
                .withTransaction(tx ->
                        store.append(tx, List.of(new StreamAppend(stream, "stroud", expected, events, Actor.SYSTEM))))
                .await()
                .atMost(Duration.ofSeconds(20))
                .getFirst()
                .position();
    }

    private void createTopic(int maxMessageBytes) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                            .configs(Map.of("max.message.bytes", Integer.toString(maxMessageBytes)))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private void raiseTopicLimit() throws Exception {
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", Integer.toString(1024 * 1024)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KernelServers.kafka()));
    }

    /** {@code stream@version} → how often it was applied. */
    private Map<String, Integer> tally() {
        Map<String, Integer> tally = new TreeMap<>();
        for (Row row : ProjectionRunner.read(
                        db.pool(),
                        "tally",
                        tx -> tx.query("SELECT * FROM tally").execute())
                .await()
                .atMost(Duration.ofSeconds(10))) {
            tally.put(row.getString("stream") + "@" + row.getLong("version"), row.getInteger("times"));
        }
        return tally;
    }

    private static List<ProjectionStatus.Gap> gaps(ProjectionRunner consumer) {
        return consumer.gaps().await().atMost(Duration.ofSeconds(10));
    }

    /** The outcomes of the administrators' actions, in order. */
    private List<String> audit() {
        List<String> outcomes = new ArrayList<>();
        db.rows("SELECT outcome FROM admin_action WHERE action = 'relay.republish' ORDER BY id")
                .forEach(row -> outcomes.add(row.getString("outcome")));
        return outcomes;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Waiting.until(Duration.ofSeconds(60), Duration.ofMillis(100), condition, () -> what);
    }
}
