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
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private static RequestSpecification as(String user) {
        return Api.as(Tokens.user(user)).contentType(ContentType.JSON);
    }

    private static ValidatableResponse progress(String user, String initiative, String quarter, String commentary) {
        return as(user).body("""
                        {"quarter": "%s", "status": "on-track", "rag": "green", "commentary": "%s"}""".formatted(quarter, commentary))
                .when()
                .post("/api/initiatives/" + initiative + "/progress")
                .then();
    }

    private static String open(String quarter) {
        return as("coordinator")
                .body("{\"quarter\": \"" + quarter + "\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
    }

    private static String etag(String path) {
        return Api.get(Tokens.user("viewer"), path).statusCode(200).extract().header("ETag");
    }

    @Test
    void aClosedReviewFreezesItsQuarterUntilReopenedWithAReason() {
        as("coordinator")
                .body("{\"quarter\": \"2023/24 Q3\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/reviews/2023-24-Q3"))
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("open"))
                .body("missingReports.priority", equalTo(List.of(1, 2, 3, 4, 5)));
        as("coordinator")
                .body("{\"quarter\": \"2023/24 Q3\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:review-exists"));

        progress("lead", "P1-02", "2023/24 Q3", "before the review closed").statusCode(200);
        as("lead")
                .header("If-Match", etag("/api/reviews/2023-24-Q3"))
                .body("{\"summary\": \"Priority 1 sub-group met twice\"}")
                .when()
                .put("/api/reviews/2023-24-Q3/reports/1")
                .then()
                .statusCode(200)
                .body("reports[0].priority", equalTo(1))
                .body("reports[0].initiatives", hasSize(9))
                .body(
                        "reports[0].initiatives.find { it.initiativeId == 'P1-02' }.commentary",
                        equalTo("before the review closed"))
                .body("missingReports.priority", equalTo(List.of(2, 3, 4, 5)));

        as("coordinator")
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
        as("lead")
                .header("If-Match", etag("/api/reviews/2023-24-Q3"))
                .body("{\"summary\": \"late\"}")
                .when()
                .put("/api/reviews/2023-24-Q3/reports/1")
                .then()
                .statusCode(409);

        ConsumerRecord<String, byte[]> closed = TopicReader.await(
                "plan.events",
                "stroud:review:2023-24-Q3",
                r -> "plan.quarterly-review.closed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertNotNull(closed, "the closed review reached plan.events");
        assertTrue(
                TopicReader.value(closed).contains("Priority 1 sub-group met twice"), "it carries what was reported");

        as("coordinator")
                .header("If-Match", etag("/api/reviews/2023-24-Q3"))
                .body("{\"reason\": \"\"}")
                .when()
                .post("/api/reviews/2023-24-Q3/reopen")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        as("coordinator")
                .header("If-Match", etag("/api/reviews/2023-24-Q3"))
                .body("{\"reason\": \"Police figures for December were corrected\"}")
                .when()
                .post("/api/reviews/2023-24-Q3/reopen")
                .then()
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
        try (Connection closer = Db.connect();
                Connection observer = Db.connect()) {
            closer.setAutoCommit(false);
            closer.createStatement().execute("""
                    SELECT 1 FROM plan_state WHERE partnership_id = 'stroud' AND kind = 'review' AND id = '2025-26-Q4' FOR UPDATE""");
            Future<Integer> report =
                    client.submit(() -> progress("coordinator", "P1-07", "2025/26 Q4", "racing the close")
                            .extract()
                            .statusCode());
            Db.awaitWaitingSessions(observer, 1);
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
        as("coordinator")
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
        as("coordinator")
                .when()
                .post("/api/reviews/2023-24-Q1/close")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:precondition-required"));
        as("coordinator")
                .header("If-Match", "\"7\"")
                .when()
                .post("/api/reviews/2023-24-Q1/close")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("lead")
                .body("{\"summary\": \"x\"}")
                .when()
                .put("/api/reviews/2023-24-Q1/reports/1")
                .then()
                .statusCode(428);
        Api.get(Tokens.user("viewer"), "/api/reviews/2023-24-Q1")
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("reports", hasSize(0));
    }

    @Test
    void onlyTheCoordinatorRunsTheCycleAndALeadReportsOnTheirOwnPriority() {
        as("lead")
                .body("{\"quarter\": \"2023/24 Q2\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("viewer")
                .body("{\"quarter\": \"2023/24 Q2\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(403);
        Api.post(Tokens.client("police-gloucestershire"), "/api/reviews", "{\"quarter\": \"2023/24 Q2\"}")
                .statusCode(403);
        String etag = open("2023/24 Q2");

        // lead's token says priority 1: not priority 2
        as("lead")
                .header("If-Match", etag)
                .body("{\"summary\": \"x\"}")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/2")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        progress("lead", "P2-03", "2023/24 Q2", "not mine").statusCode(403);
        // lead2 has no claim: nothing until the coordinator maps it
        progress("lead2", "P4-01", "2023/24 Q2", "not yet").statusCode(403);
        as("lead2")
                .header("If-Match", etag)
                .body("{\"summary\": \"x\"}")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(403);
        as("lead")
                .body("{\"priorities\": [4]}")
                .when()
                .put("/api/priority-leads/" + LEAD2)
                .then()
                .statusCode(403);
        as("coordinator")
                .body("{\"priorities\": [4]}")
                .when()
                .put("/api/priority-leads/" + LEAD2)
                .then()
                .statusCode(201)
                .body("priorities", equalTo(List.of(4)));
        as("coordinator")
                .body("{\"priorities\": [4, 9]}")
                .header("If-Match", etag("/api/priority-leads/" + LEAD2, "coordinator"))
                .when()
                .put("/api/priority-leads/" + LEAD2)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("priorities[1]"));
        as("coordinator")
                .body("{\"priorities\": [4]}")
                .when()
                .put("/api/priority-leads/" + LEAD2)
                .then()
                .statusCode(428);

        progress("lead2", "P4-01", "2023/24 Q2", "mapped now").statusCode(200);
        progress("lead2", "P1-01", "2023/24 Q2", "still not mine").statusCode(403);
        as("lead2")
                .header("If-Match", etag)
                .body("""
                        {"summary": "Workshops planned", "initiatives": [
                          {"initiative": "P4-06", "status": "at-risk", "rag": "amber", "commentary": "Venue not yet booked"}]}""")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(200)
                .body("reports[0].initiatives.find { it.initiativeId == 'P4-06' }.rag", equalTo("amber"))
                .body("missingReports.priority", not(hasItem(4)));
        Api.get(Tokens.user("viewer"), "/api/initiatives/P4-06")
                .body("progress.find { it.quarter == '2023/24 Q2' }.status", equalTo("at-risk"));

        // an entry for another priority's initiative is refused whole
        long before = Db.events("stroud:");
        as("lead2")
                .header("If-Match", etag("/api/reviews/2023-24-Q2"))
                .body("""
                        {"summary": "x", "initiatives": [
                          {"initiative": "P4-05", "status": "completed", "rag": "green"},
                          {"initiative": "P1-01", "status": "on-track", "rag": "green"}]}""")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("initiatives[1].initiative"));
        as("lead2")
                .header("If-Match", etag("/api/reviews/2023-24-Q2"))
                .body("""
                        {"summary": "x", "initiatives": [
                          {"initiativeId": "P4-05", "status": "completed", "rag": "green"},
                          {"initiativeId": "P1-01", "status": "on-track", "rag": "green"}]}""")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("initiatives[1].initiativeId"));
        as("lead2")
                .header("If-Match", etag("/api/reviews/2023-24-Q2"))
                .body("""
                        {"summary": "x", "initiatives": [{"initiativeId": "P4-05", "initiative": "P4-06", "status": "completed"}]}""")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("initiatives[0].initiative"));
        assertEquals(before, Db.events("stroud:"), "nothing of the refused report is stored");
        as("engagement")
                .header("If-Match", etag("/api/reviews/2023-24-Q2"))
                .body("{\"summary\": \"x\"}")
                .when()
                .put("/api/reviews/2023-24-Q2/reports/4")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsAreProblems() {
        as("coordinator")
                .body("{\"quarter\": \"2023 Q3\"}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("quarter"));
        as("coordinator")
                .body("{\"quarter\": 2023}")
                .when()
                .post("/api/reviews")
                .then()
                .statusCode(400);
        as("coordinator")
                .body("{\"quarter\": \"2023/24 Q4\", \"quarter\": \"2023/24 Q4\"}")
                .when()
                .post("/api/reviews")
                .then()
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
