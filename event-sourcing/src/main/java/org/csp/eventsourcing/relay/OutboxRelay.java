package org.csp.eventsourcing.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventHeaders;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed events from the event table (the outbox) to Kafka, in position order, as CloudEvents in
 * binary mode, keyed by stream id. The checkpoint advances only after Kafka acknowledged a whole batch
 * ({@code acks=all}, idempotent producer), so a crash republishes rather than loses; consumers drop the
 * duplicates by stream version. One relay per database publishes at a time (session advisory lock).
 */
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LEADER_LOCK = 0x637371L;

    private final EventStore store;
    private final RelayConfig config;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile long published;
    private Thread thread;

    public OutboxRelay(EventStore store, RelayConfig config) {
        this.store = store;
        this.config = config;
    }

    void onCommitted(@Observes EventStore.EventsCommitted committed) {
        wake.release();
    }

    public synchronized void start() {
        if (running || !config.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay-" + config.topic()).daemon().start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wake.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Position of the last event Kafka acknowledged. */
    public long publishedPosition() {
        return published;
    }

    private void run() {
        SqlConnection connection = null;
        KafkaProducer<String, byte[]> producer = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = store.pool().getConnection().await().atMost(Duration.ofSeconds(30));
                    if (!awaitLeadership(connection)) {
                        continue;
                    }
                    published = loadCheckpoint(connection);
                }
                if (producer == null) {
                    EventTopics.ensure(config.bootstrapServers(), List.of(config.topic()), config.topicPartitions(),
                            config.topicReplicationFactor());
                    producer = new KafkaProducer<>(producerConfig());
                }
                wake.drainPermits();
                List<StoredEvent> batch = store.readAfter(connection, published, config.batchSize())
                        .await().atMost(Duration.ofSeconds(30));
                if (batch.isEmpty()) {
                    wake.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                publish(producer, batch);
                long last = batch.getLast().position();
                connection.preparedQuery("""
                                INSERT INTO relay_checkpoint (relay, position) VALUES ($1, $2)
                                ON CONFLICT (relay) DO UPDATE SET position = excluded.position, updated_at = now()""")
                        .execute(Tuple.of(config.topic(), last)).await().atMost(Duration.ofSeconds(30));
                published = last;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Relay to %s failed, retrying from the last checkpoint: %s", config.topic(), e.getMessage());
                // Start over from the stored checkpoint with a fresh producer: order is kept, duplicates are dropped downstream.
                producer = closeQuietly(producer);
                connection = closeQuietly(connection);
                sleep(1000);
            }
        }
        closeQuietly(producer);
        closeQuietly(connection);
    }

    private boolean awaitLeadership(SqlConnection connection) {
        Boolean leader = connection.preparedQuery("SELECT pg_try_advisory_lock($1) AS leader").execute(Tuple.of(LEADER_LOCK))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean("leader");
        if (Boolean.TRUE.equals(leader)) {
            return true;
        }
        sleep(5000);
        return false;
    }

    private long loadCheckpoint(SqlConnection connection) {
        var rows = connection.preparedQuery("SELECT position FROM relay_checkpoint WHERE relay = $1")
                .execute(Tuple.of(config.topic())).await().atMost(Duration.ofSeconds(30));
        return rows.size() == 0 ? 0L : rows.iterator().next().getLong("position");
    }

    private void publish(KafkaProducer<String, byte[]> producer, List<StoredEvent> batch) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            acks.add(producer.send(toRecord(event)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
    }

    ProducerRecord<String, byte[]> toRecord(StoredEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, event.eventId().toString());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.SUBJECT, event.streamId());
        header(headers, CloudEventHeaders.TIME, event.occurredAt().toInstant().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.PARTNERSHIP, event.partnershipId());
        header(headers, CloudEventHeaders.STREAM_VERSION, Long.toString(event.version()));
        return new ProducerRecord<>(config.topic(), null, event.streamId(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, config.source() + "-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    private static KafkaProducer<String, byte[]> closeQuietly(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // already broken; a new producer replaces it
            }
        }
        return null;
    }

    private static SqlConnection closeQuietly(SqlConnection connection) {
        if (connection != null) {
            try {
                connection.close().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // the connection is being replaced anyway
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
