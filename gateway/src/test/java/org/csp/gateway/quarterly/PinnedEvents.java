package org.csp.gateway.quarterly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.contracts.ApprovedJson;
import org.csp.testing.Relayed;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes events as the services' relays do (the kernel's codec), with the approved payloads of the event contracts
 * ({@code event-contracts}, which the services pin their encoding to): the gateway is tested against the real
 * contracts, not copies. A test may change fields of a pinned payload for its own values.
 */
public final class PinnedEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SERVICES =
            Map.of("plan", "plan-service", "measures", "measures-service", "engagement", "engagement-service");

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            // One request in flight per partition: right after a topic is created, a first batch refused with
            // NOT_LEADER_OR_FOLLOWER must not be overtaken by the next one (its retry would then be refused for good).
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            1,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class.getName()));

    /** The pinned payload of an event type, as the service that owns it writes it. */
    static ObjectNode pinned(String type) {
        try {
            return (ObjectNode) JSON.readTree(ApprovedJson.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("The approved JSON of " + type + " cannot be read", e);
        }
    }

    /** The record a relay would publish for version {@code version} of {@code stream}, with the pinned payload as changed. */
    public static ProducerRecord<String, byte[]> record(
            String type, String stream, long version, Consumer<ObjectNode> change) {
        return record(type, "stroud", stream, version, change);
    }

    /** As {@link #record(String, String, long, Consumer)}, of a stream of {@code partnership}. */
    public static ProducerRecord<String, byte[]> record(
            String type, String partnership, String stream, long version, Consumer<ObjectNode> change) {
        ObjectNode payload = pinned(type);
        change.accept(payload);
        String topic = type.substring(0, type.indexOf('.')) + ".events";
        String source = SERVICES.get(type.substring(0, type.indexOf('.')));
        return Relayed.record(topic, source, partnership, stream, version, type, payload.toString());
    }

    public void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing failed", e);
        }
    }

    /** Many records quickly; waits until Kafka has acknowledged every one of them, or fails. */
    public void publishAll(Iterable<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        records.forEach(record -> acks.add(producer.send(record)));
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("A record was not published", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
