package org.csp.infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from the beginning, as an outside consumer would. */
public final class TopicReader {

    private TopicReader() {}

    /** On the broker {@link TestInfrastructure} started: the first record with this key that matches, or null. */
    public static ConsumerRecord<String, byte[]> await(
            String topic, String key, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        String servers = System.getProperty(TestInfrastructure.KAFKA_BOOTSTRAP);
        if (servers == null) {
            throw new IllegalStateException(
                    "The test broker is not running: annotate the test with @QuarkusTestResource(TestInfrastructure.class)");
        }
        return await(servers, topic, key, match, timeout);
    }

    /** The first record with this key that matches, or null when none arrives within the timeout. */
    public static ConsumerRecord<String, byte[]> await(
            String servers,
            String topic,
            String key,
            Predicate<ConsumerRecord<String, byte[]>> match,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = fromTheBeginning(servers, topic, deadline)) {
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && match.test(record)) {
                        return record;
                    }
                }
            }
            return null;
        }
    }

    /**
     * Every record of a topic from its beginning: reads until at least {@code expected} records arrived and then
     * for {@code settle} more without a new one (so that extra records, e.g. duplicates, are seen too), or until
     * the timeout.
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(
            String servers, String topic, int expected, Duration settle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = fromTheBeginning(servers, topic, deadline)) {
            List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                int before = records.size();
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() > before) {
                    quietSince = System.nanoTime();
                } else if (records.size() >= expected && System.nanoTime() - quietSince >= settle.toNanos()) {
                    break;
                }
            }
            return records;
        }
    }

    /** A consumer assigned every partition of the topic, at its beginning (waiting for the topic until the deadline). */
    private static KafkaConsumer<String, byte[]> fromTheBeginning(String servers, String topic, long deadline) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** A header's value as text, or null when the record has no such header. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
