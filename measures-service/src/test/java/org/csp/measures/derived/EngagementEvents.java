package org.csp.measures.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.contracts.ApprovedJson;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.csp.testing.Relayed;

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
        Relayed.publish(record);
    }

    static void publish(String type, String stream, long version, Consumer<ObjectNode> change) throws Exception {
        ObjectNode payload = pinned(type);
        change.accept(payload);
        publish(Relayed.record("engagement.events", "engagement-service", stream, version, type, payload.toString()));
    }

    /** A record of type {@code kind} ({@code workshop} …) on {@code date}, with these organisations and place. */
    static void record(
            String id, long version, String kind, String date, List<String> organisations, String gss, String place)
            throws Exception {
        // records as engagement-service writes them now (organisations by id, their names beside), amendments as it
        // wrote them before (organisations as names alone): the figures count organisations by name either way
        boolean current = version == 1;
        String type = current ? "engagement.activity.recorded.v3" : "engagement.activity.amended.v1";
        publish(type, "stroud:engagement:" + id, version, p -> {
            p.put("engagementId", id);
            ObjectNode d = (ObjectNode) p.get("details");
            d.put("type", kind).put("startDate", date).put("endDate", date);
            var names = d.putArray(current ? "organisationNames" : "organisations");
            organisations.forEach(names::add);
            if (current) {
                var ids = d.putArray("organisations");
                organisations.forEach(
                        name -> ids.add(name.toLowerCase(Locale.ROOT).replace(' ', '-')));
            }
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
