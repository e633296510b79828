package org.csp.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.KernelServers;
import org.csp.eventsourcing.NewEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.eventsourcing.Waiting;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.eventsourcing.leadership.LeaderWorker;
import org.csp.infrastructure.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against a real PostgreSQL and a real Kafka broker. */
class OutboxRelayTest {

    private final KernelServers.Database db = KernelServers.database();
    private final EventStore store = new EventStore(db.pool(), () -> {});
    private final String topic = "relay-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stop() {
        relays.forEach(OutboxRelay::stop);
        db.pool().close().await().indefinitely();
    }

    @Test
    void aStandbyPublishesNothingAndTakesOverWhenTheLeaderStops() throws Exception {
        appendEvents(10, 10, "a");
        OutboxRelay first = relay(KafkaProducer::new, 100);
        awaitPublished(first, 100);
        OutboxRelay second = relay(KafkaProducer::new, 100);

        appendEvents(5, 10, "b");
        first.wake();
        awaitPublished(first, 150);
        Thread.sleep(2500); // several standby retry periods: a broken standby would now republish from position 0
        assertEquals(150, records(150).size(), "the standby published nothing");
        assertEquals(LeaderWorker.Role.STANDBY, second.status().role());

        first.stop();
        appendEvents(5, 10, "c");
        await(() -> second.status().role() == LeaderWorker.Role.LEADER, "the standby takes over");
        awaitPublished(second, 200);
        List<ConsumerRecord<String, byte[]>> all = records(200);
        assertEquals(200, all.size(), "the new leader starts from the checkpoint: nothing twice, nothing lost");
        assertStreamsInOrder(all, 20, 10);
        everyRecordIsReadableByTheCloudEventsSdk(all);
    }

    @Test
    void aFailureInTheMiddleOfABatchAndARestartLoseNothingAndKeepEachStreamInOrder() throws Exception {
        appendEvents(20, 50, "s");
        AtomicInteger sends = new AtomicInteger();
        OutboxRelay failing = relay(
                config -> new KafkaProducer<>(config) {
                    @Override
                    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                        if (sends.incrementAndGet() == 250) {
                            return CompletableFuture.failedFuture(
                                    new org.apache.kafka.common.errors.TimeoutException("injected"));
                        }
                        return super.send(record, callback);
                    }
                },
                100);
        await(() -> failing.status().lastError() != null, "the injected failure is reported");
        await(() -> failing.status().publishedPosition() >= 500, "publishing goes on after the failure");
        failing.stop(); // a restart part-way through
        OutboxRelay restarted = relay(KafkaProducer::new, 100);
        awaitPublished(restarted, 1000);
        List<ConsumerRecord<String, byte[]>> all = records(1000);
        assertStreamsInOrder(all, 20, 50);
        assertEquals(
                1000,
                all.stream().map(r -> TopicReader.header(r, "ce_id")).distinct().count(),
                "nothing lost");
    }

    private OutboxRelay relay(
            java.util.function.Function<Map<String, Object>, org.apache.kafka.clients.producer.Producer<String, byte[]>>
                    producers,
            int batchSize) {
        OutboxRelay relay = new OutboxRelay(
                store,
                config(batchSize),
                new LeaderLock(KernelServers.vertx(), db.options(), "relay:" + topic),
                producers);
        relays.add(relay);
        relay.start();
        return relay;
    }

    private RelayConfig config(int batchSize) {
        return RelayConfig.of(Map.of(
                "csp.relay.topic", topic,
                "csp.relay.source", "test-service",
                "csp.relay.kafka.bootstrap-servers", KernelServers.kafka(),
                "csp.relay.batch-size", String.valueOf(batchSize),
                "csp.relay.idle-poll", "100ms",
                "csp.relay.standby-retry", "500ms",
                "csp.relay.initial-backoff", "100ms",
                "csp.relay.max-backoff", "1s",
                "csp.relay.send-timeout", "15s"));
    }

    /** {@code streams} streams of {@code perStream} events each, appended in several transactions, interleaved. */
    private void appendEvents(int streams, int perStream, String prefix) {
        for (int version = 0; version < perStream; version++) {
            List<StreamAppend> appends = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                appends.add(new StreamAppend(
                        "stroud:test:" + prefix + s,
                        "stroud",
                        version,
                        List.of(new NewEvent("test.thing.happened.v1", "{\"n\": " + (version + 1) + "}")),
                        Actor.SYSTEM));
            }
            store.inTransaction(unit -> {
                        appends.forEach(unit::append);
                        return Uni.createFrom().voidItem();
                    })
                    .await()
                    .atMost(Duration.ofSeconds(20));
        }
    }

    private long lastPosition() {
        return db.first("SELECT max(position) AS p FROM events").getLong("p");
    }

    private void awaitPublished(OutboxRelay relay, int events) throws InterruptedException {
        long last = lastPosition();
        await(() -> relay.status().publishedPosition() >= last, events + " events published");
    }

    private List<ConsumerRecord<String, byte[]>> records(int expected) {
        return TopicReader.readAll(
                KernelServers.kafka(), topic, expected, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Every stream complete, and the first time each version appears it follows the one before. */
    private static void assertStreamsInOrder(List<ConsumerRecord<String, byte[]>> records, int streams, int perStream) {
        Map<String, Long> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long version = Long.parseLong(TopicReader.header(record, "ce_streamversion"));
            long before = seen.getOrDefault(record.key(), 0L);
            if (version > before) {
                assertEquals(before + 1, version, "stream " + record.key() + " skipped a version");
                seen.put(record.key(), version);
            }
        }
        assertEquals(streams, seen.size());
        seen.forEach((stream, version) -> assertEquals(perStream, version, stream));
    }

    private static void everyRecordIsReadableByTheCloudEventsSdk(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            MessageReader reader = KafkaMessageFactory.createReader(record);
            io.cloudevents.CloudEvent event = reader.toEvent();
            assertEquals("1.0", event.getSpecVersion().toString());
            assertEquals("test.thing.happened.v1", event.getType());
            assertEquals("test-service", event.getSource().toString());
            assertEquals(record.key(), event.getSubject());
            assertEquals("stroud", event.getExtension("partnership"));
            assertNotNull(event.getExtension("streamversion"));
            assertNotNull(event.getTime());
            assertNotNull(event.getData());
            ids.add(event.getId());
        }
        assertEquals(records.size(), ids.size());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Waiting.until(Duration.ofSeconds(30), Duration.ofMillis(50), condition, () -> what);
    }
}
