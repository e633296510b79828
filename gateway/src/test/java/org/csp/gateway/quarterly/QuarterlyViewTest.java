package org.csp.gateway.quarterly;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The projection against a real broker and database: the services' pinned events become the quarterly view,
 * exactly once; a rebuild never blanks the view; a record that cannot be read is parked and the view goes on.
 * Each test uses quarters of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class QuarterlyViewTest {

    static JsonPath awaitView(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(Tokens.user("viewer")).when().get(path)
                    .then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("The view never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }

    private static ProducerRecord<String, byte[]> engagement(String id, LocalDate date, String type, int attendance) {
        return PinnedEvents.record("engagement.activity.recorded.v1", "stroud:engagement:" + id, 1, e -> e
                .put("engagementId", id).put("date", date.toString()).put("type", type).put("attendance", attendance));
    }

    @Test
    void theServicesEventsMakeTheQuarterlyViewEachCountedOnce() throws Exception {
        ProducerRecord<String, byte[]> workshop = engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 8, 14), "workshop", 25);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("plan.initiative.defined.v1", "stroud:initiative:P1-03", 1, e -> { }));
            events.publish(PinnedEvents.record("plan.initiative.updated.v1", "stroud:initiative:P1-03", 2,
                    e -> e.put("quarter", "2022/23 Q2")));
            events.publish(PinnedEvents.record("measures.indicator.defined.v1", "stroud:indicator:ASB-INCIDENTS", 1, e -> { }));
            String measure = "stroud:datapoint:ASB-INCIDENTS:E07000082:2022-08";
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, e -> e.put("period", "2022-08")));
            events.publish(workshop);
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 9, 30), "survey", 0));
            // a correction: revision 2 replaces the value; an old revision published again changes nothing
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 2,
                    e -> e.put("period", "2022-08").put("value", 14).put("revision", 2).put("status", "final")));
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, e -> e.put("period", "2022-08")));
        }

        JsonPath view = awaitView("/api/views/quarterly/2022-23-Q2", v -> v.getInt("engagement.records") == 2
                && Integer.valueOf(14).equals(v.get("measures[0].total")));
        assertEquals("2022/23 Q2", view.getString("quarter"));
        assertEquals("2022-07-01", view.getString("from"));
        assertEquals("on-track", view.getString("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals("CCTV deployed", view.getString("initiatives.find { it.id == 'P1-03' }.commentary"));
        assertEquals("E07000082", view.getString("measures[0].geography"));
        assertEquals(2, view.getInt("measures[0].periods[0].revision"));
        assertEquals(1, view.getInt("engagement.byType.workshop"));
        assertEquals(1, view.getInt("engagement.byType.survey"));
        assertEquals(25, view.getInt("engagement.attendance"));

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(workshop); // the relay republished it after a crash: it must count once
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 10, 1), "workshop", 10));
        }
        JsonPath q3 = awaitView("/api/views/quarterly/2022-23-Q3", v -> v.getInt("engagement.records") == 1);
        assertNull(q3.get("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals(10, q3.getInt("engagement.attendance"));
        Thread.sleep(1000);
        JsonPath settled = awaitView("/api/views/quarterly/2022-23-Q2", v -> true);
        assertEquals(25, settled.getInt("engagement.attendance"), "the republished workshop is counted once");
        assertEquals(2, settled.getInt("engagement.records"));
    }

    @Test
    void aRebuildNeverBlanksTheViewAndEndsWithAnEqualOne() throws Exception {
        int records = 4000;
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(engagement("r-" + UUID.randomUUID(), LocalDate.of(2021, 4, 1).plusDays(i % 365),
                    i % 3 == 0 ? "survey" : "workshop", i % 50));
        }
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(batch);
        }
        List<String> quarters = List.of("2021-22-Q1", "2021-22-Q2", "2021-22-Q3", "2021-22-Q4");
        awaitView("/api/views/quarterly/2021-22-Q4", v -> quarters.stream()
                .mapToInt(q -> given().auth().oauth2(Tokens.user("viewer")).get("/api/views/quarterly/" + q).jsonPath()
                        .getInt("engagement.records")).sum() == records);
        String before = views(quarters);
        int generation = liveGeneration();

        given().auth().oauth2(Tokens.user("viewer")).when().post("/api/admin/projections/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.user("coordinator")).when().post("/api/admin/projections/rebuild")
                .then().statusCode(202).body("[0].generation", equalTo(generation + 1));
        int reads = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (liveGeneration() == generation) {
            assertEquals(before, views(quarters), "read " + reads + " during the rebuild");
            reads++;
            assertTrue(System.nanoTime() < deadline, "the rebuild did not finish");
        }
        assertTrue(reads > 0, "the view was read while the rebuild ran");
        assertEquals(before, views(quarters), "the rebuilt view equals the old one");

        // The address of the first release still works.
        given().auth().oauth2(Tokens.user("coordinator")).when().post("/api/admin/projections/quarterly/rebuild")
                .then().statusCode(202).body("[0].generation", equalTo(generation + 2));
        awaitStatus(s -> s.getInt("[0].live.generation") == generation + 2);
        assertEquals(before, views(quarters));
    }

    @Test
    void aRecordThatCannotBeReadIsParkedAndTheViewGoesOn() throws Exception {
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(new ProducerRecord<>("engagement.events", "garbage", "not json at all".getBytes(StandardCharsets.UTF_8)));
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", "stroud:engagement:no-date", 1, e -> e.remove("date")));
            events.publish(engagement("p-" + UUID.randomUUID(), LocalDate.of(2020, 5, 5), "workshop", 7));
        }
        awaitView("/api/views/quarterly/2020-21-Q1", v -> v.getInt("engagement.records") == 1 && v.getInt("engagement.attendance") == 7);
        JsonPath status = awaitStatus(s -> s.getInt("[0].live.parkedCount") >= 2);
        List<String> reasons = status.getList("[0].live.parked.reason");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_specversion is missing")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'date'")), reasons.toString());
        assertEquals("quarterly", status.getString("[0].projection"));
        assertEquals("leader", status.getString("[0].role"));
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/admin/projections/status").then().statusCode(403);
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'projection-problems' }.data.'quarterly.parked'", equalTo(reasons.size()));
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get("/api/views/quarterly/2024-25-Q2").then().statusCode(401);
        given().when().get("/api/admin/projections/status").then().statusCode(401);
    }

    @Test
    void anUnknownQuarterIsAProblem() {
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/views/quarterly/2024-Q2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:invalid-quarter"));
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblem() {
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/initiatives")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:upstream-unavailable"));
        given().when().get("/api/initiatives").then().statusCode(401);
    }

    /** A hash of the views of these quarters as the API answers them, with their engagement record counts. */
    private static String views(List<String> quarters) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        StringBuilder records = new StringBuilder();
        for (String quarter : quarters) {
            String body = given().auth().oauth2(Tokens.user("viewer")).when().get("/api/views/quarterly/" + quarter)
                    .then().statusCode(200).extract().asString();
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            records.append(io.restassured.path.json.JsonPath.from(body).getInt("engagement.records")).append(' ');
        }
        return records + "records, sha-256 " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static int liveGeneration() {
        return given().auth().oauth2(Tokens.user("coordinator")).when().get("/api/admin/projections/status")
                .then().statusCode(200).extract().jsonPath().getInt("[0].live.generation");
    }

    private static JsonPath awaitStatus(Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(Tokens.user("coordinator")).when().get("/api/admin/projections/status")
                    .then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("The status never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }
}
