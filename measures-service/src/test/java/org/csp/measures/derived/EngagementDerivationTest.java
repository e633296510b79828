package org.csp.measures.derived;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.csp.contracts.ApprovedJson;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Derived indicators follow the engagement records and published consultation results, never typed in by hand. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class EngagementDerivationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode pinned(String type) throws Exception {
        return (ObjectNode) JSON.readTree(ApprovedJson.of(type));
    }

    private static void publish(String type, String stream, long version, Consumer<ObjectNode> change) throws Exception {
        ObjectNode payload = pinned(type);
        change.accept(payload);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(CloudEventCodec.encode("engagement.events", "engagement-service", new StoredEvent(version, UUID.randomUUID(),
                    stream, version, type, "stroud", payload.toString(), OffsetDateTime.now(ZoneOffset.UTC), Actor.SYSTEM)))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    /** A record of {@code type} on {@code date}, with these organisations and place. */
    private static void record(String id, long version, String type, String date, List<String> organisations, String gss, String place)
            throws Exception {
        publish(version == 1 ? "engagement.activity.recorded.v2" : "engagement.activity.amended.v1", "stroud:engagement:" + id, version, p -> {
            p.put("engagementId", id);
            ObjectNode d = (ObjectNode) p.get("details");
            d.put("type", type).put("startDate", date).put("endDate", date);
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

    private static Object value(String indicator, String period) {
        List<Object> values = given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/" + indicator + "/data-points?from=" + period.replace('/', '-').replace(' ', '-')
                        + "&to=" + period.replace('/', '-').replace(' ', '-'))
                .then().statusCode(200).extract().path("value");
        return values.isEmpty() ? null : values.getFirst();
    }

    private static void await(String indicator, String period, Object expected) throws InterruptedException {
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

    @Test
    void workshopsChecklistsAndCommunityPaybackAreCountedFromTheEngagementRecords() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        record(a, 1, "workshop", "2025-07-10", List.of("Stroud District Council"), null, "Stroud District");
        record(b, 1, "workshop", "2025-08-02", List.of("Stroud District Council"), null, "Stroud District");
        record(UUID.randomUUID().toString(), 1, "checklist-completed", "2025-08-20", List.of("Cam Village Hall"), null, "Stroud District");
        record(UUID.randomUUID().toString(), 1, "community-payback-project", "2025-09-01", List.of("Stroud Town Council", "Canal Trust"),
                "E05013187", "Amberley and Woodchester");
        record(UUID.randomUUID().toString(), 1, "community-payback-project", "2025-09-15", List.of("Canal Trust", "Scouts"),
                "E05013188", "Berkeley Vale");
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 2);
        await("CHECKLIST-ORGANISATIONS", "2025/26 Q2", 1);
        await("COMMUNITY-PAYBACK-ORGANISATIONS", "2025/26 Q2", 3);
        await("COMMUNITY-PAYBACK-AREAS", "2025/26 Q2", 2);

        // a withdrawn record stops counting (a revision), and a replayed old event changes nothing
        publish("engagement.activity.withdrawn.v1", "stroud:engagement:" + a, 2, p -> p.put("engagementId", a));
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 1);
        int before = revisions("2025/26 Q2").size();
        record(a, 1, "workshop", "2025-07-10", List.of("Stroud District Council"), null, "Stroud District");
        // a record moved to another quarter counts there
        record(b, 2, "workshop", "2025-10-02", List.of("Stroud District Council"), null, "Stroud District");
        await("COMMUNITY-WORKSHOPS", "2025/26 Q3", 1);
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 0);
        List<Integer> revisions = revisions("2025/26 Q2");
        assertEquals(before + 1, revisions.size(), "one revision for the move, none for the replay: " + revisions);
        assertEquals(List.of(2, 1, 0), revisions.subList(revisions.size() - 3, revisions.size()));
    }

    private static List<Integer> revisions(String quarter) {
        return given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/COMMUNITY-WORKSHOPS/data-points/E07000082/" + quarter.replace('/', '-').replace(' ', '-'))
                .then().statusCode(200).extract().path("revisions.value");
    }

    @Test
    void perceptionFiguresComeFromPublishedConsultationResults() throws Exception {
        publish("engagement.consultation.results-published.v1", "stroud:consultation:survey-2023", 1, p -> p.put("period", "2023/24"));
        await("FEEL-SAFE-AFTER-DARK", "2023/24", 71.5f);
        await("ASB-BETTER-OR-SAME", "2023/24", 83);
    }

    @Test
    void derivedIndicatorsAreNeverTypedInByHand() {
        given().auth().oauth2(Tokens.user("coordinator")).contentType(ContentType.JSON)
                .body("[{\"indicator\":\"COMMUNITY-WORKSHOPS\",\"period\":\"2024/25 Q1\",\"geography\":\"E07000082\",\"value\":3}]")
                .when().post("/api/data-points/batch").then().statusCode(422)
                .body("errors[0].message", containsString("derived"));
    }
}
