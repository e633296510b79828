package org.csp.gateway.quarterly;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * The repair of the gateway's projection through its admin endpoints, by an administrator only: parked records listed,
 * replayed (409 while they still cannot be applied) and discarded with a reason, gaps listed; every body strict, the
 * reason required and bounded, every refusal a problem naming the field.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ProjectionRepairTest {

    private static final String PARKED = "/api/admin/projections/quarterly/parked";
    private static final String GAPS = "/api/admin/projections/quarterly/gaps";

    @Test
    void anAdministratorListsReplaysAndDiscardsParkedRecordsWithAReason() throws Exception {
        String garbage = "stroud:engagement:garbage-" + UUID.randomUUID();
        String undated = "stroud:engagement:undated-" + UUID.randomUUID();
        try (PinnedEvents events = new PinnedEvents()) {
            ProducerRecord<String, byte[]> notOurs =
                    new ProducerRecord<>("engagement.events", garbage, "not json".getBytes(StandardCharsets.UTF_8));
            notOurs.headers().add("ce_subject", garbage.getBytes(StandardCharsets.UTF_8));
            events.publish(notOurs);
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", undated, 1, e -> e.remove("date")));
        }
        JsonPath parked = await(PARKED, list -> id(list, garbage) != null && id(list, undated) != null);
        long garbageId = id(parked, garbage);
        long undatedId = id(parked, undated);
        assertEquals("engagement.events", parked.getString("find { it.id == " + undatedId + " }.topic"));

        Api.get(Tokens.user("coordinator"), PARKED).statusCode(403);
        Api.post(Tokens.user("coordinator"), PARKED + "/" + undatedId + "/discard", reason("mine"))
                .statusCode(403);

        Api.post(Tokens.user("admin"), PARKED + "/" + undatedId + "/replay", reason("the date is still missing"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:replay-failed"));
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/replay", reason("still not JSON"))
                .statusCode(409);
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/discard", "{}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/discard", reason("x".repeat(2001)))
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/discard", "{\"reason\": \"r\", \"why\": 1}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("why"));
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/discard", reason("not one of our events"))
                .statusCode(204);
        Api.post(Tokens.user("admin"), PARKED + "/" + undatedId + "/discard", reason("recorded without a date"))
                .statusCode(204);
        Api.post(Tokens.user("admin"), PARKED + "/" + garbageId + "/discard", reason("twice"))
                .statusCode(404)
                .contentType("application/problem+json");
        JsonPath after =
                Api.get(Tokens.user("admin"), PARKED).statusCode(200).extract().jsonPath();
        assertEquals(null, id(after, garbage));
        assertEquals(null, id(after, undated));
    }

    @Test
    void anAdministratorSeesAGapWhileItLastsAndSkipsNothingUnknown() throws Exception {
        String stream = "stroud:engagement:gap-" + UUID.randomUUID();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", stream, 1, e -> {}));
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", stream, 3, e -> {}));
            JsonPath gaps = await(GAPS, list -> id(list, stream) != null);
            assertEquals(2, gaps.getInt("find { it.stream == '" + stream + "' }.expectedVersion"));
            Api.get(Tokens.user("coordinator"), GAPS).statusCode(403);
            Api.post(Tokens.user("admin"), GAPS + "/" + id(gaps, stream) + "/skip", "")
                    .statusCode(400)
                    .contentType("application/problem+json");
            Api.post(Tokens.user("admin"), GAPS + "/999999999/skip", reason("no such gap"))
                    .statusCode(404)
                    .contentType("application/problem+json");
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", stream, 2, e -> {}));
        }
        await(GAPS, list -> id(list, stream) == null); // the missing version came: the gap is gone by itself
    }

    private static String reason(String reason) {
        return "{\"reason\": \"" + reason + "\"}";
    }

    /** The id of the parked record or gap of {@code stream} in a list, or null. */
    private static Long id(JsonPath list, String stream) {
        List<Map<String, Object>> items =
                list.getList("findAll { it.subject == '" + stream + "' || it.stream == '" + stream + "' }");
        return items.isEmpty() ? null : ((Number) items.getFirst().get("id")).longValue();
    }

    private static JsonPath await(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = Api.get(Tokens.user("admin"), path).statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail(path + " never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }
}
