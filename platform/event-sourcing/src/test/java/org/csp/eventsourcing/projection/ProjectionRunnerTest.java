package org.csp.eventsourcing.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.KernelServers;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.Waiting;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.cloudevents.KafkaConnection;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once consumer against a real broker and database, with a read model that adds up: every posting adds
 * its amount to its account's total, so an event applied twice or never shows in the sums.
 */
class ProjectionRunnerTest {

    private static final String POSTED = "test.ledger.posted.v1";
    private static final String NOTED = "test.ledger.noted.v1";
    private static final Actor ADMIN = new Actor("admin-subject", "csp-cli");

    private final KernelServers.Database db = KernelServers.database();
    private final String topic = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
    private final Ledger ledger = new Ledger(topic);
    private final List<ProjectionRunner> runners = new ArrayList<>();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KernelServers.kafka(),
            ProducerConfig.ACKS_CONFIG, "all",
            // One request in flight per partition: a batch refused while a new topic elects its leader must not be
            // overtaken by the next one (its retry would then be refused for good).
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    private final Map<String, Long> versions = new LinkedHashMap<>();
    private long expectedTotal;
    private long expectedPostings;

    /** Postings add up per account; {@code test.ledger.noted.v1} is not relevant to it. */
    static final class Ledger implements Projection {
        private final String topic;
        volatile boolean brokenDdl;
        volatile int version = 1;
        /** A posting without an amount counts as 1 (a fix, for the replay of parked records). */
        volatile boolean lenient;

        Ledger(String topic) {
            this.topic = topic;
        }

        public String name() {
            return "ledger";
        }

        public int version() {
            return version;
        }

        public List<String> topics() {
            return List.of(topic);
        }

        public Set<String> appliedTypes() {
            return Set.of(POSTED);
        }

        public Set<String> ignoredTypes() {
            return Set.of(NOTED);
        }

        public String ddl() {
            return brokenDdl
                    ? "CREATE TABLE ledger_total (account text PRIMARY KEY, total nonsense)"
                    : "CREATE TABLE IF NOT EXISTS ledger_total (account text PRIMARY KEY, total bigint NOT NULL, postings bigint NOT NULL)";
        }

        public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
            Map<String, long[]> byAccount = new LinkedHashMap<>();
            for (CloudEvent event : events) {
                boolean amount = event.data().path("amount").isIntegralNumber();
                if (!(amount || lenient) || !event.data().path("account").isTextual()) {
                    throw new UnprocessableEvent(event, "a posting needs an account and a whole amount");
                }
                long[] sums =
                        byAccount.computeIfAbsent(event.data().get("account").asText(), a -> new long[2]);
                sums[0] += amount ? event.data().get("amount").asLong() : 1;
                sums[1]++;
            }
            return tx.preparedQuery("""
                            INSERT INTO ledger_total (account, total, postings)
                            SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
                            ON CONFLICT (account) DO UPDATE SET total = ledger_total.total + excluded.total,
                                postings = ledger_total.postings + excluded.postings""")
                    .execute(Tuple.of(
                            byAccount.keySet().toArray(String[]::new),
                            byAccount.values().stream().map(s -> s[0]).toArray(Long[]::new),
                            byAccount.values().stream().map(s -> s[1]).toArray(Long[]::new)))
                    .replaceWithVoid();
        }
    }

    @AfterEach
    void stop() {
        runners.forEach(ProjectionRunner::stop);
        producer.close();
        db.pool().close().await().indefinitely();
    }

    @Test
    void everyEventCountsOnceThoughPublishedTwiceAndReadAgainAfterARestart() throws Exception {
        ensureTopic();
        List<ProducerRecord<String, byte[]>> sent = postings(30, 10);
        ProjectionRunner first = runner();
        awaitTotals();
        first.stop();
        sent.subList(0, 50).forEach(this::send); // a relay republished these after a crash
        postings(30, 5);
        runner();
        awaitTotals();
        Thread.sleep(500);
        assertTotals();
    }

    @Test
    void twoInstancesOnOneDatabaseProjectEachEventOnce() throws Exception {
        ensureTopic();
        ProjectionRunner first = runner();
        ProjectionRunner second = runner();
        postings(50, 10);
        awaitTotals();
        Thread.sleep(1000);
        assertTotals();
        assertEquals(Set.of("leader", "standby"), Set.of(first.role(), second.role()));

        ProjectionRunner leader = first.role().equals("leader") ? first : second;
        ProjectionRunner standby = leader == first ? second : first;
        leader.stop();
        postings(50, 4);
        await(() -> standby.role().equals("leader"), "the standby takes over");
        awaitTotals();
        Thread.sleep(500);
        assertTotals();
    }

    @Test
    void recordsThatCannotBeProjectedAreParkedAndTheRestGoesOn() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        send(new ProducerRecord<>(topic, "not-a-cloud-event", "{}".getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> badJson =
                event("stroud:ledger:bad-json", 1, POSTED, "{\"account\": \"a\", \"amount\": ");
        send(badJson);
        send(event("stroud:ledger:unknown", 1, "test.ledger.exploded.v1", "{}"));
        send(event("stroud:ledger:no-amount", 1, POSTED, "{\"account\": \"a\"}"));
        send(event("stroud:ledger:noted", 1, NOTED, "{\"text\": \"not relevant to totals\"}"));
        postings(5, 3);
        awaitTotals();

        ProjectionStatus.Generation live =
                runner.status().await().atMost(Duration.ofSeconds(10)).live();
        assertEquals(4, live.parkedCount());
        List<String> reasons =
                live.parked().stream().map(ProjectionStatus.Parked::reason).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_specversion is missing")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid JSON")), reasons.toString());
        assertTrue(
                reasons.stream().anyMatch(r -> r.contains("unknown event type 'test.ledger.exploded.v1'")),
                reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("cannot be applied")), reasons.toString());
        assertTrue(live.parked().stream().allMatch(p -> p.topic().equals(topic) && p.offset() >= 0));
        assertEquals(0, live.lag(), "the offsets moved past the parked records");

        postings(5, 2); // and it keeps going
        awaitTotals();
    }

    @Test
    void anEventWhoseDataTheDatabaseRefusesIsParkedAndTheRestOfItsBatchApplied() throws Exception {
        ensureTopic();
        postings(10, 2);
        // Valid JSON, but PostgreSQL text cannot hold a NUL character: the whole batch's statement fails.
        send(event("stroud:ledger:nul", 1, POSTED, "{\"account\": \"bad\\u0000account\", \"amount\": 5}"));
        postings(10, 2);
        ProjectionRunner runner = runner(); // started after everything was published: one batch holds it all
        awaitTotals();
        ProjectionStatus.Generation live =
                runner.status().await().atMost(Duration.ofSeconds(10)).live();
        assertEquals(1, live.parkedCount());
        assertEquals("stroud:ledger:nul", live.parked().getFirst().subject());
        assertTrue(
                live.parked().getFirst().reason().contains("database refused"),
                live.parked().getFirst().reason());
        assertEquals(0, live.lag());
    }

    @Test
    void aGapHoldsItsPartitionsOffsetIsReportedAndIsFilledWhenTheMissingVersionArrives() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        String stream = "stroud:ledger:gappy";
        send(partition(event(stream, 1, POSTED, "{\"account\": \"gappy\", \"amount\": 1}"), 0));
        send(partition(event(stream, 3, POSTED, "{\"account\": \"gappy\", \"amount\": 100}"), 0)); // v2 is missing
        for (int i = 1; i <= 5; i++) {
            send(partition(
                    event("stroud:ledger:after-" + i, 1, POSTED, "{\"account\": \"after\", \"amount\": 10}"), 0));
            send(partition(
                    event("stroud:ledger:elsewhere-" + i, 1, POSTED, "{\"account\": \"elsewhere\", \"amount\": 10}"),
                    1));
        }
        await(() -> total("after") == 50 && total("elsewhere") == 50, "the other streams go on");
        assertEquals(1, total("gappy"), "the event after the gap waits");
        ProjectionStatus.Generation live =
                runner.status().await().atMost(Duration.ofSeconds(10)).live();
        assertEquals(1, live.gaps().size());
        ProjectionStatus.Gap gap = live.gaps().getFirst();
        assertEquals(stream, gap.stream());
        assertEquals(2, gap.expectedVersion());
        assertEquals(3, gap.foundVersion());
        assertEquals(
                1,
                live.partitions().stream()
                        .filter(p -> p.partition() == 0)
                        .findFirst()
                        .orElseThrow()
                        .appliedOffset(),
                "partition 0 is held at the gap");

        runner.stop(); // reading resumes from the gap: the events after it are read again and not counted twice
        ProjectionRunner restarted = runner();
        Thread.sleep(1500);
        assertEquals(50, total("after"));
        assertEquals(
                1,
                restarted
                        .status()
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .live()
                        .gaps()
                        .size());

        send(partition(event(stream, 2, POSTED, "{\"account\": \"gappy\", \"amount\": 10}"), 2)); // arrives elsewhere
        await(() -> total("gappy") == 111, "the gap is filled and the event after it applied");
        Thread.sleep(1000);
        assertEquals(111, total("gappy"));
        assertEquals(50, total("after"));
        assertEquals(50, total("elsewhere"));
        ProjectionStatus.Generation after =
                restarted.status().await().atMost(Duration.ofSeconds(10)).live();
        assertTrue(after.gaps().isEmpty());
        assertEquals(0, after.lag());
    }

    @Test
    void aRebuildKeepsAnsweringFromTheLiveGenerationThenSwitchesToAnEqualOne() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        postings(500, 40);
        awaitTotals();
        String before = snapshot();
        assertEquals(
                1, runner.status().await().atMost(Duration.ofSeconds(10)).live().generation());

        assertEquals(2, runner.requestRebuild().await().atMost(Duration.ofSeconds(10)));
        assertEquals(2, runner.requestRebuild().await().atMost(Duration.ofSeconds(10)), "asked twice, built once");
        int reads = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runner.status().await().atMost(Duration.ofSeconds(10)).live().generation() != 2) {
            assertEquals(before, snapshot(), "read " + reads + " during the rebuild");
            reads++;
            assertTrue(System.nanoTime() < deadline, "the rebuild did not finish");
        }
        assertTrue(reads > 0, "the view was read during the rebuild");
        assertEquals(before, snapshot(), "the rebuilt view equals the old one");
        ProjectionStatus status = runner.status().await().atMost(Duration.ofSeconds(10));
        assertNull(status.rebuild());
        assertEquals(0, status.live().lag());

        postings(10, 1); // the rebuilt generation goes on updating
        awaitTotals();
    }

    @Test
    void aFailedRebuildLeavesTheLiveViewUntouchedAndSaysWhy() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        postings(20, 5);
        awaitTotals();
        String before = snapshot();
        ledger.brokenDdl = true;
        runner.requestRebuild().await().atMost(Duration.ofSeconds(10));
        await(
                () -> {
                    ProjectionStatus.Generation rebuild = runner.status()
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .rebuild();
                    return rebuild != null && rebuild.state().equals("failed");
                },
                "the rebuild fails");
        ProjectionStatus status = runner.status().await().atMost(Duration.ofSeconds(10));
        assertNotNull(status.rebuild().error());
        assertTrue(
                status.rebuild().error().contains("nonsense"), status.rebuild().error());
        assertEquals(1, status.live().generation());
        assertEquals(before, snapshot());
        ledger.brokenDdl = false;
        postings(20, 1);
        awaitTotals();
    }

    /**
     * A new projection version asks for a rebuild at start. A second instance (or a restart) preparing while that
     * rebuild is still pending must not fail: it finds the request and adds no other.
     */
    @Test
    void aNewVersionRequestsOneRebuildHoweverManyInstancesPrepare() throws Exception {
        ensureTopic();
        postings(20, 5);
        ProjectionRunner first = runner();
        awaitTotals();
        first.stop();
        ledger.version = 2;
        ProjectionRunner second = unstarted(Duration.ofSeconds(30));
        second.createTables();
        second.createTables();
        long requested = db.first("SELECT count(*) AS n FROM public.projection_generation WHERE projection = 'ledger'"
                        + " AND state = 'requested' AND projection_version = 2")
                .getLong("n");
        assertEquals(1, requested, "one rebuild requested for version 2");
        second.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (db.rows("SELECT 1 FROM public.projection_generation WHERE projection = 'ledger' AND state = 'live'"
                                + " AND projection_version = 2")
                        .size()
                == 0) {
            if (System.nanoTime() > deadline) {
                fail("the version 2 rebuild never went live");
            }
            Thread.sleep(100);
        }
        assertTotals();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Repairs by an administrator

    @Test
    void aParkedRecordIsReplayedOnceItsCauseIsFixedOrDiscardedWithAReason() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        send(new ProducerRecord<>(topic, "not-a-cloud-event", "{}".getBytes(StandardCharsets.UTF_8)));
        send(event("stroud:ledger:fixable", 1, POSTED, "{\"account\": \"fixable\"}"));
        postings(3, 1);
        awaitTotals();
        List<ProjectionStatus.Parked> parked = runner.parked().await().atMost(Duration.ofSeconds(10));
        assertEquals(2, parked.size(), parked.toString());
        long fixable = parked.stream()
                .filter(p -> "stroud:ledger:fixable".equals(p.subject()))
                .findFirst()
                .orElseThrow()
                .id();
        long garbage = parked.stream()
                .filter(p -> p.subject() == null)
                .findFirst()
                .orElseThrow()
                .id();

        ProblemException notYet =
                assertThrows(ProblemException.class, () -> runner.replay(fixable, ADMIN, "try before the fix"));
        assertEquals(409, notYet.status());
        assertEquals(2, runner.parked().await().atMost(Duration.ofSeconds(10)).size(), "it stays parked");

        ledger.lenient = true; // the fix
        runner.replay(fixable, ADMIN, "postings without an amount count as 1 since the fix");
        assertEquals(1, total("fixable"), "applied once");
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> runner.replay(fixable, ADMIN, "twice"))
                        .status());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> runner.replay(garbage, ADMIN, "still garbage"))
                        .status());
        runner.discard(garbage, ADMIN, "not one of our events").await().atMost(Duration.ofSeconds(10));
        assertEquals(
                0, runner.status().await().atMost(Duration.ofSeconds(10)).live().parkedCount());
        assertEquals(1, total("fixable"));
        assertEquals(
                List.of(
                        "projection.replay ledger/parked/" + fixable + " failed",
                        "projection.replay ledger/parked/" + fixable + " done",
                        "projection.replay ledger/parked/" + garbage + " failed",
                        "projection.discard ledger/parked/" + garbage + " done"),
                audit(),
                "each action audited with who, what and the outcome");

        postings(3, 1); // and it keeps going
        awaitTotals();
    }

    /**
     * A parked record whose stream went on (a later version applied after it was parked) is not replayed on top of what
     * came after it, which a view that replaces state would undo: the replay is a 409 naming the rebuild, and nothing
     * changes.
     */
    @Test
    void aParkedRecordWhoseStreamWentOnIsNotReplayedOnTopOfWhatCameAfterIt() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner();
        String stream = "stroud:ledger:went-on";
        send(event(stream, 1, POSTED, "{\"account\": \"went-on\"}")); // parked: no amount
        send(event(stream, 2, POSTED, "{\"account\": \"went-on\", \"amount\": 5}"));
        await(() -> total("went-on") == 5, "version 2 applied after version 1 was parked");
        long parked = runner.parked().await().atMost(Duration.ofSeconds(10)).stream()
                .filter(p -> stream.equals(p.subject()))
                .findFirst()
                .orElseThrow()
                .id();

        ledger.lenient = true; // the fix, which would apply it now
        ProblemException refused =
                assertThrows(ProblemException.class, () -> runner.replay(parked, ADMIN, "postings count 1 now"));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("rebuild"), refused.getMessage());
        assertEquals(5, total("went-on"), "nothing applied on top of version 2");
        assertEquals(
                1,
                runner.parked().await().atMost(Duration.ofSeconds(10)).stream()
                        .filter(p -> stream.equals(p.subject()))
                        .count(),
                "it stays parked");
    }

    @Test
    void aPersistentGapIsSkippedWithAReasonAndTheEventsHeldBehindItAreAppliedOnce() throws Exception {
        ensureTopic();
        ProjectionRunner runner = runner(Duration.ofMillis(200));
        String stream = "stroud:ledger:gappy";
        send(partition(event(stream, 1, POSTED, "{\"account\": \"gappy\", \"amount\": 1}"), 0));
        send(partition(event(stream, 3, POSTED, "{\"account\": \"gappy\", \"amount\": 100}"), 0));
        send(partition(event(stream, 4, POSTED, "{\"account\": \"gappy\", \"amount\": 1000}"), 0));
        send(partition(event("stroud:ledger:after", 1, POSTED, "{\"account\": \"after\", \"amount\": 10}"), 0));
        await(() -> total("after") == 10, "the other stream goes on");
        await(
                () -> runner.gaps().await().atMost(Duration.ofSeconds(10)).stream()
                        .anyMatch(ProjectionStatus.Gap::persistent),
                "the gap is persistent");
        long gap =
                runner.gaps().await().atMost(Duration.ofSeconds(10)).getFirst().id();
        ProjectionRunner patient = unstarted(Duration.ofHours(1)); // for whom no gap is persistent yet
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> patient.skipGap(gap, ADMIN, "too soon")
                                        .await()
                                        .atMost(Duration.ofSeconds(10)))
                        .status());
        assertEquals(1, total("gappy"));

        runner.skipGap(gap, ADMIN, "version 2 was lost before the relay kept refused events")
                .await()
                .atMost(Duration.ofSeconds(10));
        await(() -> total("gappy") == 1101, "the events held behind the gap are applied");
        assertTrue(runner.gaps().await().atMost(Duration.ofSeconds(10)).isEmpty());
        send(partition(event(stream, 2, POSTED, "{\"account\": \"gappy\", \"amount\": 10000}"), 0));
        send(partition(event("stroud:ledger:after", 2, POSTED, "{\"account\": \"after\", \"amount\": 10}"), 0));
        await(() -> total("after") == 20, "reading goes on");
        assertEquals(1101, total("gappy"), "each applied once; the skipped version, arriving late, is passed over");
        assertEquals(List.of("projection.skip-gap ledger/gaps/" + gap + " done"), audit());
    }

    /** The audited actions, oldest first: action, target (without its details) and outcome (without its reason). */
    private List<String> audit() {
        List<String> actions = new ArrayList<>();
        db.rows("SELECT * FROM public.admin_action ORDER BY id").forEach(row -> {
            assertEquals(ADMIN.subject(), row.getString("subject"));
            assertNotNull(row.getString("reason"));
            actions.add(row.getString("action") + " "
                    + row.getString("target").split(" ")[0] + " "
                    + row.getString("outcome").split(":")[0]);
        });
        return actions;
    }

    // ---------------------------------------------------------------------------------------------------------

    private ProjectionRunner runner() {
        return runner(Duration.ofSeconds(30));
    }

    private ProjectionRunner runner(Duration gapReportAfter) {
        ProjectionRunner runner = unstarted(gapReportAfter);
        runner.start();
        return runner;
    }

    /** A runner of the ledger, stopped after the test; not started. */
    private ProjectionRunner unstarted(Duration gapReportAfter) {
        ProjectionRunner runner = new ProjectionRunner(ledger, db.pool(), lock(), settings(gapReportAfter));
        runners.add(runner);
        return runner;
    }

    private LeaderLock lock() {
        return new LeaderLock(KernelServers.vertx(), db.options(), "projection:ledger");
    }

    private static ConsumerSettings settings(Duration gapReportAfter) {
        return new ConsumerSettings(
                KafkaConnection.plain(KernelServers.kafka()),
                500,
                Duration.ofMillis(100),
                Duration.ofMillis(300),
                gapReportAfter,
                3);
    }

    private void ensureTopic() throws Exception {
        EventTopics.ensure(KafkaConnection.plain(KernelServers.kafka()), List.of(topic), 3, (short) 1);
    }

    /** {@code accounts} streams with {@code each} postings of growing amounts; returns what was sent. */
    private List<ProducerRecord<String, byte[]>> postings(int accounts, int each) {
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> acks = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (int a = 0; a < accounts; a++) {
                String stream = "stroud:ledger:account-" + a;
                long version = versions.merge(stream, 1L, Long::sum);
                long amount = version * 3 + a;
                ProducerRecord<String, byte[]> record = event(
                        stream, version, POSTED, "{\"account\": \"account-" + a + "\", \"amount\": " + amount + "}");
                acks.add(producer.send(record));
                sent.add(record);
                expectedTotal += amount;
                expectedPostings++;
            }
        }
        producer.flush();
        for (var ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("A posting was not published", e);
            }
        }
        return sent;
    }

    private ProducerRecord<String, byte[]> event(String stream, long version, String type, String payload) {
        return CloudEventCodec.encode(
                topic,
                "ledger-service",
                new StoredEvent(
                        version,
                        UUID.randomUUID(),
                        stream,
                        version,
                        type,
                        "stroud",
                        payload,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        Actor.SYSTEM));
    }

    private static ProducerRecord<String, byte[]> partition(ProducerRecord<String, byte[]> record, int partition) {
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long[] sums() {
        Row row = ProjectionRunner.read(db.pool(), "ledger", tx -> tx.query("""
                        SELECT coalesce(sum(total), 0) AS total, coalesce(sum(postings), 0) AS postings
                          FROM ledger_total WHERE account LIKE 'account-%'""").execute())
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        return new long[] {row.getLong("total"), row.getLong("postings")};
    }

    private long total(String account) {
        var rows = ProjectionRunner.read(
                        db.pool(),
                        "ledger",
                        tx -> tx.preparedQuery("SELECT total FROM ledger_total WHERE account = $1")
                                .execute(Tuple.of(account)))
                .await()
                .atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("total");
    }

    /** A hash of the whole read model, with its row count: equal hashes, equal views. */
    private String snapshot() {
        return ProjectionRunner.read(db.pool(), "ledger", tx -> tx.query("""
                        SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(account || '=' || total || '/' || postings, ','
                               ORDER BY account), '')) AS s FROM ledger_total""").execute())
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getString("s");
    }

    private void awaitTotals() throws InterruptedException {
        AtomicLong seen = new AtomicLong();
        await(
                () -> {
                    long[] sums = sums();
                    seen.set(sums[0]);
                    return sums[0] >= expectedTotal && sums[1] >= expectedPostings;
                },
                "totals reach " + expectedTotal);
        assertTotals();
    }

    private String errors() {
        return runners.stream()
                .map(r -> r.role() + ": " + r.lastError())
                .toList()
                .toString();
    }

    private void assertTotals() {
        long[] sums = sums();
        assertEquals(expectedTotal, sums[0], "sum of all amounts");
        assertEquals(expectedPostings, sums[1], "number of postings applied");
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        Waiting.until(Duration.ofSeconds(60), Duration.ofMillis(100), condition, () -> what + "; runners " + errors());
    }
}
