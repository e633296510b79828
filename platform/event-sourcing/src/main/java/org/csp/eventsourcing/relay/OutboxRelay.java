package org.csp.eventsourcing.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.contracts.EventLimits;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.admin.AdminActions;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.cloudevents.KafkaConnection;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.eventsourcing.leadership.LeaderWorker;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Publishes committed events from the event table (the outbox) to Kafka, in position order, as CloudEvents keyed
 * by stream id ({@link CloudEventCodec}). Exactly one instance per database publishes: the leader, holding a
 * {@link LeaderLock} through its {@link LeaderWorker}; it reads events and moves its checkpoint on the lock's own
 * connection, so an instance that lost the lock cannot move it. A standby publishes nothing; a new leader starts from
 * the stored checkpoint. The checkpoint moves only forward and only past events Kafka acknowledged ({@code acks=all},
 * idempotent producer) or refused: a crash republishes, never loses, and keeps the order within a stream; consumers
 * drop the duplicates by stream version. Failures are retried with backoff, but a record Kafka refuses for itself
 * (too large, invalid) is recorded in {@code relay_refused} and passed over, so that one event never stops the others:
 * its stream's consumers hold the later events as a gap until an administrator republishes it ({@link #republish}).
 */
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REFUSED_RECOUNT = Duration.ofSeconds(10);

    /** Refusals of one record, whatever the others: sending it again cannot succeed until the cause is fixed. */
    private static final List<Class<? extends Throwable>> REFUSED_RECORD = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            InvalidTimestampException.class,
            SerializationException.class);

    private final EventStore store;
    private final RelayConfig config;
    private final KafkaConnection kafka;
    private final LeaderLock lock;
    private final Function<Map<String, Object>, Producer<String, byte[]>> producers;
    private final Wakeup wakeup = new Wakeup();
    private final RefusedEvents refused;
    private final LeaderWorker worker;
    private volatile long published;

    /** {@code kafkaSettings}: the application's {@code kafka.*} settings, for the connection's security. */
    @Inject
    public OutboxRelay(
            EventStore store,
            RelayConfig config,
            DedicatedConnections connections,
            MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        this(
                store,
                config,
                KafkaConnection.of(config.bootstrapServers(), kafkaSettings),
                connections.leaderLock("relay:" + config.topic()),
                KafkaProducer::new);
        Gauge.builder("csp.relay.refused", this, relay -> relay.refused.unresolved())
                .description("Events Kafka refused that are not republished yet (the same on every instance)")
                .tag("topic", config.topic())
                .register(registry);
    }

    /**
     * Outside CDI (tests, benchmarks), to a plain broker: {@code producers} makes the Kafka producer from its
     * configuration.
     */
    public OutboxRelay(
            EventStore store,
            RelayConfig config,
            LeaderLock lock,
            Function<Map<String, Object>, Producer<String, byte[]>> producers) {
        this(store, config, KafkaConnection.plain(config.bootstrapServers()), lock, producers);
    }

    private OutboxRelay(
            EventStore store,
            RelayConfig config,
            KafkaConnection kafka,
            LeaderLock lock,
            Function<Map<String, Object>, Producer<String, byte[]>> producers) {
        this.store = store;
        this.config = config;
        this.kafka = kafka;
        this.lock = lock;
        this.producers = producers;
        this.refused = new RefusedEvents(config.topic());
        this.worker = new LeaderWorker(
                "outbox-relay-" + config.topic(),
                lock,
                new LeaderWorker.Timing(config.standbyRetry(), config.initialBackoff(), config.maxBackoff()),
                new Publishing());
    }

    void onCommitted(@Observes EventStore.EventsCommitted committed) {
        wakeup.signal();
    }

    /** Tells the relay that events were committed (outside CDI). */
    public void wake() {
        wakeup.signal();
    }

    public void start() {
        if (config.enabled()) {
            worker.start();
        }
    }

    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    /** Running here as leader or standby (or not meant to run: {@code csp.relay.enabled=false}). */
    public boolean running() {
        return !config.enabled() || worker.running();
    }

    public RelayStatus status() {
        return new RelayStatus(
                config.topic(),
                worker.role(),
                published,
                worker.lastError(),
                worker.lastErrorAt(),
                worker.failure(),
                refused.unresolved());
    }

    public String topic() {
        return config.topic();
    }

    /** The stored checkpoint: every event up to it was acknowledged by Kafka or recorded as refused. */
    public Uni<Long> storedCheckpoint(SqlClient client) {
        return client.preparedQuery("SELECT position FROM relay_checkpoint WHERE relay = $1")
                .execute(Tuple.of(config.topic()))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("position"));
    }

    /** The refused events, unresolved first; counted again on the way. */
    public Uni<List<RefusedEvent>> refused() {
        return refused.count(store.pool()).flatMap(ignored -> refused.list(store.pool()));
    }

    /**
     * Publishes a refused event again (once its cause is fixed: the topic takes larger records, say) and, once Kafka
     * acknowledges it, marks it resolved and audits it; its stream's consumers then fill their gap. Blocking. 404 for
     * a position that was never refused, 409 when it was republished already or Kafka refuses it again, 503 when Kafka
     * cannot be reached. Any instance may do it: the event goes out after later events of its stream, which consumers
     * hold until it comes.
     */
    public void republish(long position, Actor actor, String reason) {
        String target = config.topic() + "@" + position;
        RefusedEvent record = refused.find(store.pool(), position)
                .await()
                .atMost(DB_TIMEOUT)
                .orElseThrow(() -> ProblemException.notFound("Refused event", target));
        if (record.resolvedAt() != null) {
            throw new ProblemException(
                    409,
                    "already-republished",
                    "The event was republished already",
                    "The event at position " + position + " was republished at " + record.resolvedAt() + ".");
        }
        StoredEvent event = store.readAfter(store.pool(), position - 1, 1)
                .await()
                .atMost(DB_TIMEOUT)
                .getFirst();
        Throwable failure = null;
        Producer<String, byte[]> producer = producers.apply(producerConfig());
        try {
            producer.send(CloudEventCodec.encode(config.topic(), config.source(), event))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            close(producer);
        }
        if (failure != null) {
            String why = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            boolean again = refusesRecord(failure);
            (again
                            ? refused.refusedAgain(store.pool(), position, why)
                            : Uni.createFrom().voidItem())
                    .flatMap(ignored -> AdminActions.record(
                            store.pool(), actor, "relay.republish", target, reason, "failed: " + why))
                    .await()
                    .atMost(DB_TIMEOUT);
            throw again
                    ? new ProblemException(
                            409,
                            "republish-refused",
                            "Kafka refused the event again",
                            "Kafka refused the event at position " + position + " again (" + why
                                    + "); fix the cause (the topic's max.message.bytes, say) and republish it.")
                    : new ProblemException(
                            503,
                            "kafka-unavailable",
                            "Kafka did not take the event",
                            "The event at position " + position + " could not be sent (" + why
                                    + "); it stays refused. Try again shortly.");
        }
        store.pool()
                .withTransaction(tx -> refused.resolve(tx, position)
                        .flatMap(resolved -> AdminActions.record(
                                tx,
                                actor,
                                "relay.republish",
                                target,
                                reason,
                                resolved ? "done" : "done (resolved meanwhile)")))
                .flatMap(ignored -> refused.count(store.pool()))
                .await()
                .atMost(DB_TIMEOUT);
        LOG.infof("Relay to %s: the refused event at position %d was republished", config.topic(), position);
    }

    /** Whether Kafka refused the record itself (rather than failing for every record: unreachable, not allowed). */
    static boolean refusesRecord(Throwable failure) {
        return REFUSED_RECORD.stream().anyMatch(type -> type.isInstance(failure));
    }

    /** The relay's rounds as leader, on the worker's thread. */
    private final class Publishing implements LeaderWorker.Job {
        private Producer<String, byte[]> producer;
        private long nextRecount;

        @Override
        public void lead() {
            published = storedCheckpoint(lock.connection()).await().atMost(DB_TIMEOUT);
            refused.count(lock.connection()).await().atMost(DB_TIMEOUT);
            nextRecount = System.nanoTime() + REFUSED_RECOUNT.toNanos();
            LOG.infof("Relay to %s is the leader; publishing after position %d", config.topic(), published);
        }

        @Override
        public void step() throws Exception {
            if (producer == null) {
                EventTopics.ensure(
                        kafka, List.of(config.topic()), config.topicPartitions(), config.topicReplicationFactor());
                producer = producers.apply(producerConfig());
            }
            if (System.nanoTime() > nextRecount) {
                refused.count(lock.connection()).await().atMost(DB_TIMEOUT);
                nextRecount = System.nanoTime() + REFUSED_RECOUNT.toNanos();
            }
            List<StoredEvent> batch = store.readAfter(lock.connection(), published, config.batchSize())
                    .await()
                    .atMost(DB_TIMEOUT);
            if (batch.isEmpty()) {
                wakeup.await(config.idlePoll());
                return;
            }
            published = publish(batch, published);
        }

        @Override
        public boolean recover(Exception failure) {
            producer = close(producer); // a fresh producer; after a database failure, a fresh claim on leadership too
            return failure instanceof PublishFailed;
        }

        @Override
        public void stepDown() {
            producer = close(producer);
        }

        @Override
        public void standingBy() {
            try {
                refused.count(store.pool()).await().atMost(DB_TIMEOUT);
            } catch (RuntimeException e) {
                // the count is for the health checks; the next try counts again
            }
        }

        @Override
        public void wake() {
            wakeup.signal();
        }

        /**
         * Sends a batch, waits for Kafka's acknowledgements in order and moves the checkpoint past the longest
         * acknowledged prefix, also when a later record failed; returns the new checkpoint. At the first failure
         * nothing more is sent (the producer is closed at once from the failing send's callback, as KafkaProducer
         * documents), so that no event overtakes an earlier event of its stream that has yet to be published. When
         * Kafka refused that first failed record itself, it is recorded as refused and the checkpoint moves past it.
         */
        private long publish(List<StoredEvent> batch, long from) throws Exception {
            Producer<String, byte[]> sending = producer;
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
                    ack = sending.send(
                            CloudEventCodec.encode(config.topic(), config.source(), event), (metadata, exception) -> {
                                // On the I/O thread a failure may be followed by later records already queued: drop
                                // them all. Inside send() (refused before sending) the records before it must still go
                                // out.
                                if (exception != null
                                        && stop.compareAndSet(false, true)
                                        && Thread.currentThread() != sender) {
                                    sending.close(Duration.ZERO);
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
            long acknowledged = from;
            Exception failure = notSent;
            StoredEvent failedEvent = acks.size() < batch.size() ? batch.get(acks.size()) : null;
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    awaitAck(acks.get(i), deadline);
                    acknowledged = batch.get(i).position();
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                    failedEvent = batch.get(i);
                    break;
                } catch (TimeoutException e) {
                    failure = e;
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
            String why = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (refusesRecord(failure)) {
                LOG.errorf(
                        "Relay to %s: Kafka refused the event at position %d (%s of %s): %s; recorded as refused,"
                                + " publishing goes on after it",
                        config.topic(), failedEvent.position(), failedEvent.type(), failedEvent.streamId(), why);
                refused.record(lock.connection(), failedEvent, why).await().atMost(DB_TIMEOUT);
                producer = close(producer); // it may have been closed by the failing send's callback
                return failedEvent.position();
            }
            throw new PublishFailed("publishing position " + failedEvent.position() + " failed: " + why, failure);
        }

        /** Waits for one acknowledgement until {@code deadline}, telling the worker it is alive meanwhile. */
        private void awaitAck(Future<RecordMetadata> ack, long deadline)
                throws ExecutionException, TimeoutException, InterruptedException {
            while (true) {
                try {
                    ack.get(1, TimeUnit.SECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    worker.beat();
                }
            }
        }
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

    /**
     * The producer's configuration; {@code max.request.size} is the platform's record limit
     * ({@link EventLimits#MAX_RECORD_BYTES}), as the broker's and the topics' are.
     */
    private Map<String, Object> producerConfig() {
        return kafka.config(Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, config.source() + "-relay"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventLimits.MAX_RECORD_BYTES),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                        config.sendTimeout().toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                        Math.min(config.sendTimeout().toMillis(), 10_000)),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
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
}
