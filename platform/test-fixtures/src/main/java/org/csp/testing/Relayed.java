package org.csp.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.eclipse.microprofile.config.ConfigProvider;

/** Events as a service's relay publishes them, for tests of their consumers. */
public final class Relayed {

    private Relayed() {}

    /** Publishes {@code record} to the Kafka of the service under test ({@code kafka.bootstrap.servers}), acknowledged. */
    public static void publish(ProducerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The record the relay of {@code source} would publish on {@code topic} for version {@code version} of
     * {@code stream} in the stroud partnership: a new event id, now, by the system.
     */
    public static ProducerRecord<String, byte[]> record(
            String topic, String source, String stream, long version, String type, String payload) {
        return record(topic, source, "stroud", stream, version, type, payload);
    }

    /** As {@link #record(String, String, String, long, String, String)}, in {@code partnership}. */
    public static ProducerRecord<String, byte[]> record(
            String topic, String source, String partnership, String stream, long version, String type, String payload) {
        return CloudEventCodec.encode(
                topic,
                source,
                new StoredEvent(
                        version,
                        UUID.randomUUID(),
                        stream,
                        version,
                        type,
                        partnership,
                        payload,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        Actor.SYSTEM));
    }
}
