package org.csp.eventsourcing.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.jboss.logging.Logger;

/**
 * Publishes committed events from the event table (the outbox) to Kafka, in position order, as CloudEvents keyed
 * by stream id ({@link CloudEventCodec}). Exactly one instance per database publishes: the leader, holding a
 * {@link LeaderLock}; it reads events and moves its checkpoint on the lock's own connection, so an instance that
 * lost the lock cannot move it. A standby publishes nothing and tries for leadership every
 * {@link RelayConfig#standbyRetry()}; a new leader starts from the stored checkpoint. The checkpoint moves only
 * forward and only past events Kafka acknowledged ({@code acks=all}, idempotent producer): a crash republishes,
 * never loses, and keeps the order within a stream; consumers drop the duplicates by stream version.
 * A record Kafka refuses for good (too large, invalid) stops the relay with the reason in its health check;
 * other failures are retried with backoff.
 */
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Class<? extends Throwable>> REFUSED_FOR_GOOD = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            InvalidRecordException.class,
            SerializationException.class,
            TopicAuthorizationException.class);

    private final EventStore store;
    private final RelayConfig config;
    private final LeaderLock lock;
    private final Function<Map<String, Object>, Producer<String, byte[]>> producers;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private volatile RelayStatus status;
    private Thread thread;

    @Inject
    public OutboxRelay(EventStore store, RelayConfig config, DedicatedConnections connections) {
        this(store, config, connections.leaderLock("relay:" + config.topic()), KafkaProducer::new);
    }

    /** Outside CDI (tests, benchmarks): {@code producers} makes the Kafka producer from its configuration. */
    public OutboxRelay(
            EventStore store,
            RelayConfig config,
            LeaderLock lock,
            Function<Map<String, Object>, Producer<String, byte[]>> producers) {
        this.store = store;
        this.config = config;
        this.lock = lock;
        this.producers = producers;
        this.status = new RelayStatus(config.topic(), RelayStatus.Role.STARTING, 0, null, null, null);
    }

    void onCommitted(@Observes EventStore.EventsCommitted committed) {
        wakeup.signal();
    }

    /** Tells the relay that events were committed (outside CDI). */
    public void wake() {
        wakeup.signal();
    }

    public synchronized void start() {
        if (running || !config.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform()
                .name("outbox-relay-" + config.topic())
                .daemon()
                .start(this::run);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wakeup.signal();
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        lock.release();
    }

    public RelayStatus status() {
        return status;
    }

    public String topic() {
        return config.topic();
    }

    /** The stored checkpoint: the last position Kafka acknowledged, whoever published it. */
    public io.smallrye.mutiny.Uni<Long> storedCheckpoint(SqlClient client) {
        return client.preparedQuery("SELECT position FROM relay_checkpoint WHERE relay = $1")
                .execute(Tuple.of(config.topic()))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("position"));
    }

    private void run() {
        Producer<String, byte[]> producer = null;
        long published = 0;
        Duration backoff = config.initialBackoff();
        while (running) {
            try {
                if (!lock.held()) {
                    if (!lock.tryAcquire()) {
                        update(RelayStatus.Role.STANDBY, status.publishedPosition());
                        Thread.sleep(
                                config.standbyRetry().toMillis()); // not woken by commits: each try is a new connection
                        continue;
                    }
                    published = storedCheckpoint(lock.connection()).await().atMost(DB_TIMEOUT);
                    update(RelayStatus.Role.LEADER, published);
                    LOG.infof("Relay to %s is the leader; publishing after position %d", config.topic(), published);
                }
                if (producer == null) {
                    EventTopics.ensure(
                            config.bootstrapServers(),
                            List.of(config.topic()),
                            config.topicPartitions(),
                            config.topicReplicationFactor());
                    producer = producers.apply(producerConfig());
                }
                List<StoredEvent> batch = store.readAfter(lock.connection(), published, config.batchSize())
                        .await()
                        .atMost(DB_TIMEOUT);
                if (batch.isEmpty()) {
                    wakeup.await(config.idlePoll());
                    continue;
                }
                published = publish(producer, batch, published);
                backoff = config.initialBackoff();
                status = new RelayStatus(config.topic(), RelayStatus.Role.LEADER, published, null, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RefusedForGood e) {
                LOG.errorf("Relay to %s stopped: %s", config.topic(), e.getMessage());
                status = new RelayStatus(
                        config.topic(),
                        RelayStatus.Role.FAILED,
                        e.checkpoint,
                        status.lastError(),
                        status.lastErrorAt(),
                        e.getMessage());
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf(
                        "Relay to %s failed, retrying in %d ms from the last checkpoint: %s",
                        config.topic(), backoff.toMillis(), error);
                status = new RelayStatus(
                        config.topic(), status.role(), status.publishedPosition(), error, Instant.now(), null);
                // A fresh producer and, after a database failure, a fresh claim on leadership and the checkpoint.
                producer = close(producer);
                if (!(e instanceof PublishFailed)) {
                    lock.release();
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        close(producer);
        lock.release();
        if (status.role() != RelayStatus.Role.FAILED) {
            update(RelayStatus.Role.STOPPED, status.publishedPosition());
        }
    }

    private void update(RelayStatus.Role role, long published) {
        status = new RelayStatus(config.topic(), role, published, status.lastError(), status.lastErrorAt(), null);
    }

    /**
     * Sends a batch, waits for Kafka's acknowledgements in order and moves the checkpoint past the longest
     * acknowledged prefix, also when a later record failed; returns the new checkpoint. At the first failure nothing
     * more is sent (the producer is closed at once from the failing send's callback, as KafkaProducer documents), so
     * that no event overtakes an earlier event of its stream that has yet to be published.
     */
    private long publish(Producer<String, byte[]> producer, List<StoredEvent> batch, long from) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread sender = Thread.currentThread();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Exception notSent = null;
        for (StoredEvent event : batch) {
            if (stop.get()) {
                break;
            }
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(
                        CloudEventCodec.encode(config.topic(), config.source(), event), (metadata, exception) -> {
                            // On the I/O thread a failure may be followed by later records already queued: drop them
                            // all.
                            // Inside send() (refused before sending) the records before it must still go out.
                            if (exception != null
                                    && stop.compareAndSet(false, true)
                                    && Thread.currentThread() != sender) {
                                producer.close(Duration.ZERO);
                            }
                        });
            } catch (RuntimeException e) {
                notSent = e;
                break;
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // refused before sending (e.g. too large): the records before it still go out
            }
        }
        try {
            producer.flush();
        } catch (IllegalStateException closed) {
            // closed by a failed send's callback: what was sent has completed
        }
        long acknowledged = from;
        Exception failure = notSent;
        StoredEvent failedEvent = acks.size() < batch.size() ? batch.get(acks.size()) : null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged = batch.get(i).position();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                failedEvent = batch.get(i);
                break;
            }
        }
        if (acknowledged > from) {
            saveCheckpoint(acknowledged);
        }
        if (failure == null) {
            return acknowledged;
        }
        Exception cause = failure;
        if (REFUSED_FOR_GOOD.stream().anyMatch(type -> type.isInstance(cause))) {
            throw new RefusedForGood(
                    "Kafka refused event at position %d (%s of %s) for good: %s: %s"
                            .formatted(
                                    failedEvent.position(),
                                    failedEvent.type(),
                                    failedEvent.streamId(),
                                    failure.getClass().getSimpleName(),
                                    failure.getMessage()),
                    acknowledged);
        }
        throw new PublishFailed(
                "publishing position " + failedEvent.position() + " failed: " + failure.getMessage(), failure);
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException | InterruptedException e) {
            return true;
        }
    }

    /** Forward only: a checkpoint never moves back, whatever an instance that lost the lock might still try. */
    private void saveCheckpoint(long position) {
        lock.connection()
                .preparedQuery("""
                        INSERT INTO relay_checkpoint (relay, position) VALUES ($1, $2)
                        ON CONFLICT (relay) DO UPDATE SET position = excluded.position, updated_at = now()
                        WHERE relay_checkpoint.position < excluded.position""")
                .execute(Tuple.of(config.topic(), position))
                .await()
                .atMost(DB_TIMEOUT);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG,
                config.source() + "-relay",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) config.sendTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(config.sendTimeout().toMillis(), 10_000),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName());
    }

    private static Producer<String, byte[]> close(Producer<String, byte[]> producer) {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // already broken; a new producer replaces it
            }
        }
        return null;
    }

    /** Kafka failed a send in a way worth retrying; the database connection (and leadership) is fine. */
    private static final class PublishFailed extends Exception {
        PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Kafka will never take this record: retrying cannot help. */
    private static final class RefusedForGood extends Exception {
        final long checkpoint;

        RefusedForGood(String message, long checkpoint) {
            super(message);
            this.checkpoint = checkpoint;
        }
    }
}
