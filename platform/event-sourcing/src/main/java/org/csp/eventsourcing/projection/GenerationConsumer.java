package org.csp.eventsourcing.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.csp.eventsourcing.projection.BatchPlan.Gap;
import org.csp.eventsourcing.projection.BatchPlan.StreamKey;

/**
 * One generation's Kafka consumer, every partition of the projection's topics assigned (no consumer group), and what
 * it knows beyond the database: its unresolved gaps and how far it has read each partition.
 */
final class GenerationConsumer {

    final int generation;
    final String schema;
    final KafkaConsumer<String, byte[]> kafka;
    final Map<StreamKey, Gap> gaps = new HashMap<>();
    final Map<TopicPartition, Long> position = new HashMap<>();
    /** Failed batches in a row (a rebuild gives up after a few). */
    int failures;

    private final LeaderTransactions leader;

    private GenerationConsumer(int generation, String schema, ConsumerSettings settings, LeaderTransactions leader) {
        this.generation = generation;
        this.schema = schema;
        this.leader = leader;
        this.kafka = kafka(settings, "projection-" + schema);
    }

    /** A consumer without a group (partitions are assigned, nothing committed to Kafka), reading committed records. */
    static KafkaConsumer<String, byte[]> kafka(ConsumerSettings settings, String clientId) {
        return new KafkaConsumer<>(settings.kafka()
                .config(Map.of(
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        clientId,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        settings.maxBatch(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class.getName())));
    }

    /** A consumer of {@code topics} for the generation, at its stored offsets, with its stored gaps. */
    static GenerationConsumer open(
            int generation, String schema, List<String> topics, ConsumerSettings settings, LeaderTransactions leader) {
        GenerationConsumer consumer = new GenerationConsumer(generation, schema, settings, leader);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.kafka
                        .partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.kafka.assign(partitions);
            consumer.reload();
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    List<ConsumerRecord<String, byte[]>> poll(Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        kafka.poll(timeout).forEach(records::add);
        return records;
    }

    /** Its gaps and offsets as stored: when it opens, and after a repair of them (a gap skipped). */
    void reload() {
        gaps.clear();
        gaps.putAll(leader.inTransaction(schema, Bookkeeping::gaps));
        seekToStored();
    }

    /** Seeks every assigned partition to the stored offset (the earliest unresolved gap, at most). */
    void seekToStored() {
        Map<TopicPartition, Long> stored = leader.inTransaction(schema, Bookkeeping::offsets);
        position.clear();
        for (TopicPartition partition : kafka.assignment()) {
            Long offset = stored.get(partition);
            if (offset == null) {
                kafka.seekToBeginning(List.of(partition));
                position.put(partition, 0L);
            } else {
                kafka.seek(partition, offset);
                position.put(partition, offset);
            }
        }
    }

    /** After the commit: remember the gaps, and read again from a resolved gap what was passed over. */
    void committed(BatchPlan batch) {
        position.putAll(batch.consumed());
        Map<TopicPartition, Long> rereadFrom = new HashMap<>();
        batch.resolved().forEach((key, gap) -> {
            gaps.remove(key);
            rereadFrom.merge(gap.partition(), gap.offset(), Math::min);
        });
        gaps.putAll(batch.newGaps());
        rereadFrom.forEach((partition, offset) -> {
            kafka.seek(partition, offset);
            position.put(partition, offset);
        });
    }

    /** Has this (rebuilding) generation read every partition as far as the live one? */
    boolean caughtUpWith(GenerationConsumer other) {
        for (Map.Entry<TopicPartition, Long> entry : other.position.entrySet()) {
            if (position.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    void close() {
        try {
            kafka.close(Duration.ofSeconds(2));
        } catch (RuntimeException ignored) {
            // closing anyway
        }
    }
}
