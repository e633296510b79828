package org.csp.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;

/** Events as a service's relay publishes them, for tests of their consumers. */
public final class Relayed {

    private Relayed() {}

    /**
     * The record the relay of {@code source} would publish on {@code topic} for version {@code version} of
     * {@code stream} in the stroud partnership: a new event id, now, by the system.
     */
    public static ProducerRecord<String, byte[]> record(
            String topic, String source, String stream, long version, String type, String payload) {
        return CloudEventCodec.encode(
                topic,
                source,
                new StoredEvent(
                        version,
                        UUID.randomUUID(),
                        stream,
                        version,
                        type,
                        "stroud",
                        payload,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        Actor.SYSTEM));
    }
}
