package org.csp.gateway.quarterly;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.eventsourcing.cloudevents.CloudEventHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes CloudEvents to the service topics the way the services' relays do. */
final class ServiceTopics implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));

    /** One published event; {@link #publish(Event)} again sends the very same record (a relay duplicate). */
    record Event(String id, String topic, String source, String type, String subject, long version, String partnership, String data) {
        static Event of(String topic, String source, String type, String subject, long version, String data) {
            return new Event(UUID.randomUUID().toString(), topic, source, type, subject, version, "stroud", data);
        }
    }

    void publish(Event event) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, event.id());
        add(headers, CloudEventHeaders.TYPE, event.type());
        add(headers, CloudEventHeaders.SOURCE, event.source());
        add(headers, CloudEventHeaders.SUBJECT, event.subject());
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        add(headers, CloudEventHeaders.PARTNERSHIP, event.partnership());
        add(headers, CloudEventHeaders.STREAM_VERSION, Long.toString(event.version()));
        producer.send(new ProducerRecord<>(event.topic(), null, event.subject(),
                event.data().getBytes(StandardCharsets.UTF_8), headers)).get(10, TimeUnit.SECONDS);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
