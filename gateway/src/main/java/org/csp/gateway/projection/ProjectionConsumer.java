package org.csp.gateway.projection;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds the read models from the three service topics. Kafka offsets are not committed to Kafka: they are
 * stored with the read-model changes (see {@link ProjectionStore}), and at start the consumer seeks to what the
 * database says, so a crash between the two can neither lose nor repeat an event. One gateway instance projects.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);

    private final ProjectionStore store;
    private final ProjectionConfig config;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Instant lastApplied;
    private volatile String lastError;
    private volatile long appliedCount;
    private Thread thread;

    public ProjectionConsumer(ProjectionStore store, ProjectionConfig config) {
        this.store = store;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        store.createTables().await().atMost(Duration.ofMinutes(1));
        if (config.enabled()) {
            running = true;
            thread = Thread.ofPlatform().name("quarterly-projection").daemon().start(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Empties the read models and replays every topic from its beginning (asynchronously). */
    public void requestRebuild() {
        rebuildRequested.set(true);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    public boolean running() {
        return running && thread != null && thread.isAlive();
    }

    public Instant lastApplied() {
        return lastApplied;
    }

    public String lastError() {
        return lastError;
    }

    public long appliedCount() {
        return appliedCount;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
                EventTopics.ensure(config.bootstrapServers(), config.topics(), config.topicPartitions(), (short) 1);
                consumer = kafka;
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : config.topics()) {
                    kafka.partitionsFor(topic, Duration.ofSeconds(30))
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                // Assigned, not subscribed: no group rebalance to wait for after a crash, and no offsets in Kafka.
                kafka.assign(partitions);
                seekToStored(kafka, partitions);
                while (running) {
                    if (rebuildRequested.getAndSet(false)) {
                        rebuild(kafka);
                    }
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = kafka.poll(config.pollTimeout());
                    } catch (WakeupException e) {
                        continue;
                    }
                    if (!records.isEmpty()) {
                        applyOrRewind(kafka, records);
                    }
                }
            } catch (Exception e) {
                if (running) {
                    lastError = e.getMessage();
                    LOG.errorf(e, "Projection stopped; restarting from the stored offsets");
                    sleep(2000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void applyOrRewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        List<ProjectedEvent> events = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(ProjectedEvent.of(record));
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        try {
            ProjectionStore.Applied applied = store.apply(events, next).await().atMost(Duration.ofMinutes(1));
            appliedCount += applied.applied();
            lastApplied = Instant.now();
            lastError = null;
        } catch (RuntimeException e) {
            // Nothing of the batch was stored: go back to the stored offsets and try again.
            lastError = e.getMessage();
            LOG.errorf(e, "Applying %d events failed; retrying from the stored offsets", events.size());
            seekToStored(kafka, kafka.assignment());
            sleep(1000);
        }
    }

    private void rebuild(KafkaConsumer<String, byte[]> kafka) {
        LOG.info("Rebuilding the quarterly view from the beginning of " + config.topics());
        store.reset().await().atMost(Duration.ofMinutes(5));
        kafka.seekToBeginning(kafka.assignment());
        appliedCount = 0;
    }

    private void seekToStored(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = store.offsets().await().atMost(Duration.ofMinutes(1));
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, offset);
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
