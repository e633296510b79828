package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.csp.contracts.ApprovedJson;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.junit.jupiter.api.Test;

/** The headers the catalogue lists are exactly those the relays' codec writes, and its record matches the schema. */
class EventHeadersTest {

    private static final StoredEvent EVENT = new StoredEvent(
            7,
            UUID.fromString("5f0c6f5e-0000-3000-8000-000000000001"),
            "stroud:initiative:P1-03",
            3,
            PlanEventTypes.PROGRESS_UPDATED_V2,
            "stroud",
            ApprovedJson.of(PlanEventTypes.PROGRESS_UPDATED_V2),
            OffsetDateTime.of(2024, 10, 1, 9, 30, 0, 0, ZoneOffset.UTC),
            new Actor("8d4c1f0e", "csp-web"));

    @Test
    void theCatalogueListsTheHeadersTheRelayWrites() {
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.encode(PlanEventTypes.TOPIC, PlanEventTypes.SOURCE, EVENT);

        List<String> written = new ArrayList<>();
        record.headers().forEach(header -> written.add(header.key()));
        assertEquals(EventHeaders.ALL.stream().map(EventHeaders.Header::name).toList(), written);
        assertEquals(EVENT.streamId(), record.key(), "the key is the stream id");
    }

    @Test
    void theRelaysHeadersMatchTheHeadersSchema() {
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.encode(PlanEventTypes.TOPIC, PlanEventTypes.SOURCE, EVENT);
        var headers = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                        com.networknt.schema.SpecificationVersion.DRAFT_7)
                .getSchema(EventHeaders.schema());

        assertEquals(List.of(), schema.validate(headers));
        headers.put("ce_streamversion", "0");
        assertEquals(1, schema.validate(headers).size(), "stream version 0 passed");
    }
}
