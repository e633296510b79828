package org.csp.gateway.projection;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.csp.eventsourcing.cloudevents.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A CloudEvent read from a service topic: attributes from the {@code ce_*} headers, data from the record value. */
public record ProjectedEvent(String id, String source, String type, String subject, long streamVersion,
                             String partnershipId, Instant time, JsonObject data) {

    /** Reads the record; a record that is not one of our CloudEvents fails loudly rather than being skipped. */
    static ProjectedEvent of(ConsumerRecord<String, byte[]> record) {
        try {
            return new ProjectedEvent(
                    required(record, CloudEventHeaders.ID),
                    required(record, CloudEventHeaders.SOURCE),
                    required(record, CloudEventHeaders.TYPE),
                    required(record, CloudEventHeaders.SUBJECT),
                    Long.parseLong(required(record, CloudEventHeaders.STREAM_VERSION)),
                    required(record, CloudEventHeaders.PARTNERSHIP),
                    Instant.parse(required(record, CloudEventHeaders.TIME)),
                    new JsonObject(new String(record.value(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Unreadable event at %s-%d@%d: %s".formatted(record.topic(), record.partition(),
                    record.offset(), e.getMessage()), e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
