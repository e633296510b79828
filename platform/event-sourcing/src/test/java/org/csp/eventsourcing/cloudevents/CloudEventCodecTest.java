package org.csp.eventsourcing.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final StoredEvent EVENT = new StoredEvent(
            42,
            UUID.fromString("0b0e6f7e-3c7e-4d0a-9a43-5d1f43c1a001"),
            "stroud:initiative:P1-03",
            7,
            "plan.initiative.updated.v1",
            "stroud",
            "{\"initiativeId\":\"P1-03\",\"quarter\":\"2024/25 Q2\"}",
            OffsetDateTime.of(2024, 8, 14, 9, 30, 0, 0, ZoneOffset.UTC),
            new Actor("user-1", "csp-cli"));

    /** What a consumer reads back: the producer record as the broker would hand it out. */
    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(
                sent.topic(),
                1,
                99,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                sent.key(),
                sent.value(),
                new RecordHeaders(sent.headers().toArray()),
                Optional.empty());
    }

    @Test
    void whatTheRelayEncodesDecodesToTheSameEvent() throws Exception {
        ConsumerRecord<String, byte[]> record = received(CloudEventCodec.encode("plan.events", "plan-service", EVENT));
        CloudEvent decoded = CloudEventCodec.decode(record);
        assertEquals(EVENT.eventId().toString(), decoded.id());
        assertEquals("plan-service", decoded.source());
        assertEquals(EVENT.type(), decoded.type());
        assertEquals(EVENT.streamId(), decoded.subject());
        assertEquals(EVENT.version(), decoded.streamVersion());
        assertEquals("stroud", decoded.partnershipId());
        assertEquals(EVENT.occurredAt().toInstant(), decoded.time());
        assertEquals("2024/25 Q2", decoded.data().get("quarter").asText());
        assertEquals(EVENT.streamId(), record.key());
    }

    @Test
    void theCloudEventsSdkReadsTheSameAttributes() {
        var event = KafkaMessageFactory.createReader(
                        received(CloudEventCodec.encode("plan.events", "plan-service", EVENT)))
                .toEvent();
        assertEquals(EVENT.eventId().toString(), event.getId());
        assertEquals("plan.initiative.updated.v1", event.getType());
        assertEquals("plan-service", event.getSource().toString());
        assertEquals("stroud:initiative:P1-03", event.getSubject());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("7", event.getExtension("streamversion"));
        assertEquals("stroud", event.getExtension("partnership"));
        assertEquals(EVENT.payload(), new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aRecordThatIsNotOneOfOurEventsIsRefusedWithTheReason() {
        assertRefused(r -> r.headers().remove(CloudEventHeaders.SPEC_VERSION), "ce_specversion is missing");
        assertRefused(r -> replace(r, CloudEventHeaders.SPEC_VERSION, "0.3"), "specversion");
        assertRefused(r -> replace(r, CloudEventHeaders.STREAM_VERSION, "seven"), "not a whole number");
        assertRefused(r -> replace(r, CloudEventHeaders.STREAM_VERSION, "0"), "1 or more");
        assertRefused(r -> replace(r, CloudEventHeaders.TIME, "yesterday"), "RFC 3339");
        assertRefused(r -> replace(r, CloudEventHeaders.CONTENT_TYPE, "text/plain"), "content type");
        assertRefused(r -> r.headers().remove(CloudEventHeaders.TYPE), "ce_type is missing");
        assertRefused(CloudEventCodecTest::keyedElsewhere, "is not the subject");
        assertThrows(
                UndecodableRecord.class,
                () -> CloudEventCodec.decode(withValue("{\"a\": 1, \"a\": 2}")),
                "duplicate keys");
        assertThrows(
                UndecodableRecord.class,
                () -> CloudEventCodec.decode(withValue("{\"a\": 1} trailing")),
                "trailing data");
        assertThrows(UndecodableRecord.class, () -> CloudEventCodec.decode(withValue("[1, 2]")), "not an object");
        assertThrows(UndecodableRecord.class, () -> CloudEventCodec.decode(withValue("{\"a\": ")), "cut short");
    }

    private static void assertRefused(Consumer<ConsumerRecord<String, byte[]>> damage, String reason) {
        ConsumerRecord<String, byte[]> record = received(CloudEventCodec.encode("plan.events", "plan-service", EVENT));
        damage.accept(record);
        UndecodableRecord refused = assertThrows(UndecodableRecord.class, () -> CloudEventCodec.decode(record));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private static void replace(ConsumerRecord<String, byte[]> record, String header, String value) {
        record.headers().remove(header);
        record.headers().add(header, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void keyedElsewhere(ConsumerRecord<String, byte[]> record) {
        replace(record, CloudEventHeaders.SUBJECT, "stroud:initiative:P9-99");
    }

    private static ConsumerRecord<String, byte[]> withValue(String value) {
        ProducerRecord<String, byte[]> sent = CloudEventCodec.encode("plan.events", "plan-service", EVENT);
        return received(new ProducerRecord<>(
                sent.topic(), null, sent.key(), value.getBytes(StandardCharsets.UTF_8), sent.headers()));
    }
}
