package org.csp.plan.review;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.infrastructure.LockWaits;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.plan.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ReviewResourceTest {

    /** lead2's user id in the demo realm: a lead without a priorities claim, mapped by the coordinator. */
    private static final String LEAD2 = "8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72";

    private static ValidatableResponse progress(String user, String initiative, String quarter, String commentary) {
        return Api.post(
                Tokens.user(user), "/api/initiatives/" + initiative + "/progress", """
                        {"quarter": "%s", "status": "on-track", "rag": "green", "commentary": "%s"}""".formatted(quarter, commentary));
    }

    private static String open(String quarter) {
        return Api.post(Tokens.user("coordinator"), "/api/reviews", "{\"quarter\": \"" + quarter + "\"}")
                .statusCode(201)
                .extract()
                .header("ETag");
    }

    /** lead2's report on priority 4 for 2023/24 Q2 is refused whole (422), its first invalid field {@code field}. */
    private static void assertReportRefused(String body, String field) {
        Api.putIfMatch(Tokens.user("lead2"), "/api/reviews/2023-24-Q2/reports/4", body, etag("/api/reviews/2023-24-Q2"))
                .statusCode(422)
                .body("errors[0].field", equalTo(field));
    }

    private static String etag(String path) {
        return Api.get(Tokens.user("viewer"), path).statusCode(200).extract().header("ETag");
    }

    @Test
    void aClosedReviewFreezesItsQuarterUntilReopenedWithAReason() {
        Api.post(Tokens.user("coordinator"), "/api/reviews", "{\"quarter\": \"2023/24 Q3\"}")
                .statusCode(201)
                .header("Location", equalTo("/api/reviews/2023-24-Q3"))
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("open"))
                .body("missingReports.priority", equalTo(List.of(1, 2, 3, 4, 5)));
        Api.post(Tokens.user("coordinator"), "/api/reviews", "{\"quarter\": \"2023/24 Q3\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:review-exists"));

        progress("lead", "P1-02", "2023/24 Q3", "before the review closed").statusCode(200);
        Api.putIfMatch(
                        Tokens.user("lead"),
                        "/api/reviews/2023-24-Q3/reports/1",
                        "{\"summary\": \"Priority 1 sub-group met twice\"}",
                        etag("/api/reviews/2023-24-Q3"))
                .statusCode(200)
                .body("reports[0].priority", equalTo(1))
                .body("reports[0].initiatives", hasSize(9))
                .body(
                        "reports[0].initiatives.find { it.initiativeId == 'P1-02' }.commentary",
                        equalTo("before the review closed"))
                .body("missingReports.priority", equalTo(List.of(2, 3, 4, 5)));

        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/api/reviews/2023-24-Q3"))
                .when()
                .post("/api/reviews/2023-24-Q3/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"));

        long before = Db.events("stroud:initiative:P1-02");
        progress("coordinator", "P1-02", "2023/24 Q3", "too late")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:quarter-closed"));
        progress("lead", "P1-02", "2023/24 Q3", "too late").statusCode(409);
        assertEquals(before, Db.events("stroud:initiative:P1-02"), "nothing stored for the frozen quarter");
        progress("lead", "P1-02", "2023/24 Q4", "the next quarter is open").statusCode(200);
        Api.putIfMatch(
                        Tokens.user("lead"),
                        "/api/reviews/2023-24-Q3/reports/1",
                        "{\"summary\": \"late\"}",
                        etag("/api/reviews/2023-24-Q3"))
                .statusCode(409);

        ConsumerRecord<String, byte[]> closed = TopicReader.await(
                "plan.events",
                "stroud:review:2023-24-Q3",
                r -> "plan.quarterly-review.closed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertNotNull(closed, "the closed review reached plan.events");
        assertTrue(
                TopicReader.value(closed).contains("Priority 1 sub-group met twice"), "it carries what was reported");

        Api.postIfMatch(
                        Tokens.user("coordinator"),
                        "/api/reviews/2023-24-Q3/reopen",
                        "{\"reason\": \"\"}",
                        etag("/api/reviews/2023-24-Q3"))
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.postIfMatch(
                        Tokens.user("coordinator"),
                        "/api/reviews/2023-24-Q3/reopen",
                        "{\"reason\": \"Police figures for December were corrected\"}",
                        etag("/api/reviews/2023-24-Q3"))
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("reopenReasons", equalTo(List.of("Police figures for December were corrected")));
        progress("coordinator", "P1-02", "2023/24 Q3", "after reopening").statusCode(200);
        Api.get(Tokens.user("viewer"), "/api/reviews/2023-24-Q3/history")
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "plan.quarterly-review.opened.v1",
                                "plan.quarterly-review.report-submitted.v1",
                                "plan.quarterly-review.closed.v1",
                                "plan.quarterly-review.reopened.v1")))
                .body("actor.client", hasItem("csp-cli"));
    }

    /**
     * A report racing the close of its quarter's review: the report share-locks the review's row, so while a close
     * holds the row (simulated here by a transaction that locks it, marks it closed and commits) the report waits,
     * then sees the review closed and is refused; nothing is stored for it.
     */
    @Test
    void aReportRacingTheCloseOfItsReviewWaitsAndIsRefused() throws Exception {
        String etag = open("2025/26 Q4");
        long before = Db.events("stroud:initiative:P1-07");
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection closer = ServiceDatabase.connect();
                Connection observer = ServiceDatabase.connect()) {
            closer.setAutoCommit(false);
            closer.createStatement().execute("""
                    SELECT 1 FROM plan_state WHERE partnership_id = 'stroud' AND kind = 'review' AND id = '2025-26-Q4' FOR UPDATE""");
            Future<Integer> report =
                    client.submit(() -> progress("coordinator", "P1-07", "2025/26 Q4", "racing the close")
                            .extract()
                            .statusCode());
            LockWaits.await(observer, 1);
            closer.createStatement().execute("""
                    UPDATE plan_state SET state = jsonb_set(state, '{status}', '"closed"')
                     WHERE partnership_id = 'stroud' AND kind = 'review' AND id = '2025-26-Q4'""");
            closer.commit();
            assertEquals(409, report.get(30, TimeUnit.SECONDS));
        } finally {
            client.shutdownNow();
        }
        assertEquals(before, Db.events("stroud:initiative:P1-07"));
        // the review's own stream was never closed: close it for real, which writes the row as the stream says
        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .when()
                .post("/api/reviews/2025-26-Q4/close")
                .then()
                .statusCode(200);
        progress("coordinator", "P1-07", "2025/26 Q4", "after the close").statusCode(409);
    }

    @Test
    void writesToAReviewNeedACurrentIfMatch() {
        open("2023/24 Q1");
        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/reviews/2023-24-Q1/close")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:precondition-required"));
        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .when()
                .post("/api/reviews/2023-24-Q1/close")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Api.put(Tokens.user("lead"), "/api/reviews/2023-24-Q1/reports/1", "{\"summary\": \"x\"}")
                .statusCode(428);
        Api.get(Tokens.user("viewer"), "/api/reviews/2023-24-Q1")
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("reports", hasSize(0));
    }

    @Test
    void onlyTheCoordinatorRunsTheCycleAndALeadReportsOnTheirOwnPriority() {
        Api.post(Tokens.user("lead"), "/api/reviews", "{\"quarter\": \"2023/24 Q2\"}")
                .statusCode(403)
                .contentType("application/problem+json");
        Api.post(Tokens.user("viewer"), "/api/reviews", "{\"quarter\": \"2023/24 Q2\"}")
                .statusCode(403);
        Api.post(Tokens.client("police-gloucestershire"), "/api/reviews", "{\"quarter\": \"2023/24 Q2\"}")
                .statusCode(403);
        String etag = open("2023/24 Q2");

        // lead's token says priority 1: not priority 2
        Api.putIfMatch(Tokens.user("lead"), "/api/reviews/2023-24-Q2/reports/2", "{\"summary\": \"x\"}", etag)
                .statusCode(403)
                .contentType("application/problem+json");
        progress("lead", "P2-03", "2023/24 Q2", "not mine").statusCode(403);
        // lead2 has no claim: nothing until the coordinator maps it
        progress("lead2", "P4-01", "2023/24 Q2", "not yet").statusCode(403);
        Api.putIfMatch(Tokens.user("lead2"), "/api/reviews/2023-24-Q2/reports/4", "{\"summary\": \"x\"}", etag)
                .statusCode(403);
        Api.put(Tokens.user("lead"), "/api/priority-leads/" + LEAD2, "{\"priorities\": [4]}")
                .statusCode(403);
        Api.put(Tokens.user("coordinator"), "/api/priority-leads/" + LEAD2, "{\"priorities\": [4]}")
                .statusCode(201)
                .body("priorities", equalTo(List.of(4)));
        Api.putIfMatch(
                        Tokens.user("coordinator"),
                        "/api/priority-leads/" + LEAD2,
                        "{\"priorities\": [4, 9]}",
                        etag("/api/priority-leads/" + LEAD2, "coordinator"))
                .statusCode(422)
                .body("errors[0].field", equalTo("priorities[1]"));
        Api.put(Tokens.user("coordinator"), "/api/priority-leads/" + LEAD2, "{\"priorities\": [4]}")
                .statusCode(428);

        progress("lead2", "P4-01", "2023/24 Q2", "mapped now").statusCode(200);
        progress("lead2", "P1-01", "2023/24 Q2", "still not mine").statusCode(403);
        Api.putIfMatch(Tokens.user("lead2"), "/api/reviews/2023-24-Q2/reports/4", """
                        {"summary": "Workshops planned", "initiatives": [
                          {"initiative": "P4-06", "status": "at-risk", "rag": "amber", "commentary": "Venue not yet booked"}]}""", etag)
                .statusCode(200)
                .body("reports[0].initiatives.find { it.initiativeId == 'P4-06' }.rag", equalTo("amber"))
                .body("missingReports.priority", not(hasItem(4)));
        Api.get(Tokens.user("viewer"), "/api/initiatives/P4-06")
                .body("progress.find { it.quarter == '2023/24 Q2' }.status", equalTo("at-risk"))
                .body("progress.find { it.quarter == '2023/24 Q2' }.reportedBy.subject", equalTo(LEAD2))
                .body("progress.find { it.quarter == '2023/24 Q2' }.reportedBy.reportedAs", equalTo("priority-lead"));

        // an entry for another priority's initiative is refused whole
        long before = Db.events("stroud:");
        assertReportRefused("""
                        {"summary": "x", "initiatives": [
                          {"initiative": "P4-05", "status": "completed", "rag": "green"},
                          {"initiative": "P1-01", "status": "on-track", "rag": "green"}]}""", "initiatives[1].initiative");
        assertReportRefused("""
                        {"summary": "x", "initiatives": [
                          {"initiativeId": "P4-05", "status": "completed", "rag": "green"},
                          {"initiativeId": "P1-01", "status": "on-track", "rag": "green"}]}""", "initiatives[1].initiativeId");
        assertReportRefused("""
                        {"summary": "x", "initiatives": [{"initiativeId": "P4-05", "initiative": "P4-06", "status": "completed"}]}""", "initiatives[0].initiative");
        assertEquals(before, Db.events("stroud:"), "nothing of the refused report is stored");
        Api.putIfMatch(
                        Tokens.user("engagement"),
                        "/api/reviews/2023-24-Q2/reports/4",
                        "{\"summary\": \"x\"}",
                        etag("/api/reviews/2023-24-Q2"))
                .statusCode(403);
    }

    @Test
    void badRequestsAreProblems() {
        Api.post(Tokens.user("coordinator"), "/api/reviews", "{\"quarter\": \"2023 Q3\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("quarter"));
        Api.post(Tokens.user("coordinator"), "/api/reviews", "{\"quarter\": 2023}")
                .statusCode(400);
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/reviews",
                        "{\"quarter\": \"2023/24 Q4\", \"quarter\": \"2023/24 Q4\"}")
                .statusCode(400);
        Api.get(Tokens.user("viewer"), "/api/reviews/2019-20-Q1")
                .statusCode(404)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), "/api/reviews/not-a-quarter").statusCode(404);
    }

    private static String etag(String path, String user) {
        return Api.get(Tokens.user(user), path).statusCode(200).extract().header("ETag");
    }
}
