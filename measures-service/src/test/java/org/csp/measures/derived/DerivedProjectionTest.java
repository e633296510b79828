package org.csp.measures.derived;

import static io.restassured.RestAssured.given;
import static org.csp.measures.derived.EngagementEvents.await;
import static org.csp.measures.derived.EngagementEvents.publish;
import static org.csp.measures.derived.EngagementEvents.record;
import static org.csp.measures.derived.EngagementEvents.value;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * The derived indicators' consumer ({@code derived}) is hosted by the kernel like every projection: it shows in
 * measures-service's readiness and wellness, and it is inspected and rebuilt by name. The test profile applies one
 * event per transaction ({@code csp.projection.max-batch=1}), so a replay shows every intermediate state it goes through.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class DerivedProjectionTest {

    private static final String WORKSHOPS = "COMMUNITY-WORKSHOPS";

    /** Waits until {@code path}, read as {@code user} (null: no token), answers {@code status} and a body that will do. */
    private static JsonPath awaitJson(String path, String user, int status, Predicate<JsonPath> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            var request = user == null ? given() : Api.as(Tokens.user(user));
            var response = request.when().get(path).then().extract();
            last = response.statusCode() + " " + response.asString();
            if (response.statusCode() == status && condition.test(response.jsonPath())) {
                return response.jsonPath();
            }
            Thread.sleep(200);
        }
        fail(path + " never met the condition; last seen: " + last);
        return null;
    }

    /** Waits until the wellness check counts {@code parked} parked records of the derived projection; it says {@code state}. */
    private static void awaitWellness(int parked, int status, String state) throws InterruptedException {
        JsonPath well = awaitJson(
                "/q/health/well",
                null,
                status,
                health -> health.getInt(check("projection-problems") + "data.'derived.parked'") == parked);
        assertEquals(state, well.getString(check("projection-problems") + "status"));
    }

    private static String check(String name) {
        return "checks.find { it.name == '" + name + "' }.";
    }

    /** The sum of every value the workshops of these two quarters were ever recorded with: a revision adds to it. */
    private static BigDecimal recordedValues(String quarter, String other) {
        return Db.number("""
                SELECT sum((payload->>'value')::numeric) FROM events
                 WHERE type IN ('measures.measure.recorded.v1', 'measures.measure.revised.v1')
                   AND payload->>'indicatorCode' = ? AND payload->>'period' IN (?, ?)""", WORKSHOPS, quarter, other);
    }

    @Test
    void readinessShowsTheDerivedProjectionAndAParkedRecordMakesTheServiceUnwell() throws Exception {
        JsonPath ready = awaitJson(
                "/q/health/ready",
                null,
                200,
                health -> "leader".equals(health.getString(check("projections") + "data.'derived.role'")));
        assertEquals("UP", ready.getString(check("projections") + "status"));
        assertTrue(ready.getInt(check("projections") + "data.'derived.liveGeneration'") >= 1, ready.prettify());
        JsonPath well = awaitJson("/q/health/well", null, 200, health -> true);
        assertEquals(0, well.getInt(check("projection-problems") + "data.'derived.parked'"), "nothing parked yet");

        publish(new ProducerRecord<>("engagement.events", "not-a-cloud-event", "{}".getBytes(StandardCharsets.UTF_8)));

        awaitWellness(1, 503, "DOWN");
        JsonPath status = awaitJson(
                "/api/admin/projections/derived/status", "admin", 200, s -> s.getLong("live.parkedCount") == 1);
        assertEquals("derived", status.getString("projection"));
        assertEquals("engagement.events", status.getString("live.parked[0].topic"));
        assertEquals("header ce_specversion is missing", status.getString("live.parked[0].reason"));
        Api.get(Tokens.user("viewer"), "/api/admin/projections/derived/status").statusCode(403);
        Api.get(Tokens.user("coordinator"), "/api/admin/projections/derived/status")
                .statusCode(403);
        Api.get(Tokens.user("admin"), "/api/admin/projections/quarterly/status")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:not-found"));

        // repaired by an administrator: the record is no event of ours, so it is discarded with the reason
        long parked = status.getLong("live.parked[0].id");
        Api.post(
                        Tokens.user("admin"),
                        "/api/admin/projections/derived/parked/" + parked + "/replay",
                        "{\"reason\": \"try again\"}")
                .statusCode(409)
                .body("type", equalTo("urn:csp:problem:replay-failed"));
        Api.post(
                        Tokens.user("admin"),
                        "/api/admin/projections/derived/parked/" + parked + "/discard",
                        "{\"reason\": \"not one of our events\"}")
                .statusCode(204);
        awaitWellness(0, 200, "UP");
    }

    /**
     * A rebuild reads engagement.events again from the beginning, one event per transaction. The facts it finds are
     * no newer than the ones it counted before, so no figure moves: the values are those of the records, and no
     * revision is recorded (the sum of every value ever recorded stays the same).
     */
    @Test
    void aRebuildLeavesTheDerivedFiguresCountedOnce() throws Exception {
        String moved = UUID.randomUUID().toString();
        for (String id :
                List.of(UUID.randomUUID().toString(), moved, UUID.randomUUID().toString())) {
            record(
                    id,
                    1,
                    "workshop",
                    id.equals(moved) ? "2015-05-02" : "2015-06-20",
                    List.of("Stroud District Council"),
                    null,
                    "Stroud District");
        }
        await(WORKSHOPS, "2015/16 Q1", 3);
        record(moved, 2, "workshop", "2015-07-02", List.of("Stroud District Council"), null, "Stroud District");
        await(WORKSHOPS, "2015/16 Q2", 1);
        await(WORKSHOPS, "2015/16 Q1", 2);
        BigDecimal recorded = recordedValues("2015/16 Q1", "2015/16 Q2");
        int generation = awaitJson("/api/admin/projections/derived/status", "admin", 200, s -> true)
                .getInt("live.generation");

        Api.post(Tokens.user("viewer"), "/api/admin/projections/derived/rebuild")
                .statusCode(403);
        Api.post(Tokens.user("coordinator"), "/api/admin/projections/derived/rebuild")
                .statusCode(403);
        Api.post(Tokens.user("admin"), "/api/admin/projections/derived/rebuild")
                .statusCode(202)
                .header("Location", endsWith("/api/admin/projections/derived/status"))
                .body("[0].projection", equalTo("derived"))
                .body("[0].generation", equalTo(generation + 1))
                .body("[0].status", equalTo("/api/admin/projections/derived/status"));
        JsonPath rebuilt = awaitJson(
                "/api/admin/projections/derived/status",
                "admin",
                200,
                s -> s.getInt("live.generation") == generation + 1);
        assertEquals(0, rebuilt.getLong("live.lag"), "the rebuilt generation read every event");

        assertEquals(2, value(WORKSHOPS, "2015/16 Q1"));
        assertEquals(1, value(WORKSHOPS, "2015/16 Q2"));
        assertEquals(
                recorded.stripTrailingZeros(),
                recordedValues("2015/16 Q1", "2015/16 Q2").stripTrailingZeros(),
                "no figure was recorded again");
    }
}
