package org.csp.measures.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.contracts.ApprovedJson;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * engagement-service's events as its relay publishes them (the pinned payloads of the event contracts, changed where a
 * test says), and the derived figures they lead to, read through the API.
 */
final class EngagementEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngagementEvents() {}

    private static ObjectNode pinned(String type) throws Exception {
        return (ObjectNode) JSON.readTree(ApprovedJson.of(type));
    }

    static void publish(ProducerRecord<String, byte[]> record) throws Exception {
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

    static void publish(String type, String stream, long version, Consumer<ObjectNode> change) throws Exception {
        ObjectNode payload = pinned(type);
        change.accept(payload);
        publish(CloudEventCodec.encode(
                "engagement.events",
                "engagement-service",
                new StoredEvent(
                        version,
                        UUID.randomUUID(),
                        stream,
                        version,
                        type,
                        "stroud",
                        payload.toString(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        Actor.SYSTEM)));
    }

    /** A record of type {@code kind} ({@code workshop} …) on {@code date}, with these organisations and place. */
    static void record(
            String id, long version, String kind, String date, List<String> organisations, String gss, String place)
            throws Exception {
        String type = version == 1 ? "engagement.activity.recorded.v2" : "engagement.activity.amended.v1";
        publish(type, "stroud:engagement:" + id, version, p -> {
            p.put("engagementId", id);
            ObjectNode d = (ObjectNode) p.get("details");
            d.put("type", kind).put("startDate", date).put("endDate", date);
            var orgs = d.putArray("organisations");
            organisations.forEach(orgs::add);
            ObjectNode where = d.putObject("place");
            where.put("level", gss == null ? "district" : "ward");
            if (gss == null) {
                where.put("gss", "E07000082").put("name", place);
            } else {
                where.put("gss", gss).put("name", place);
            }
        });
    }

    static Object value(String indicator, String period) {
        List<Object> values = Api.get(
                        Tokens.user("viewer"),
                        "/api/indicators/" + indicator + "/data-points?from="
                                + period.replace('/', '-').replace(' ', '-') + "&to="
                                + period.replace('/', '-').replace(' ', '-'))
                .statusCode(200)
                .extract()
                .path("value");
        return values.isEmpty() ? null : values.getFirst();
    }

    static void await(String indicator, String period, Object expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Object value = null;
        while (System.nanoTime() < deadline) {
            value = value(indicator, period);
            if (expected.equals(value)) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(expected, value, indicator + " " + period);
    }
}
