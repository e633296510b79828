package org.csp.engagement.casereview;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.testing.Api;
import org.csp.testing.Marker;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class CaseReviewResourceTest {

    @Inject
    CaseReviews reviews;

    private static String etag(String reference) {
        return Api.get(Tokens.user("engagement"), "/api/case-reviews/" + reference)
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static void post(String reference, String step, String body) {
        Api.postIfMatch(Tokens.user("engagement"), "/api/case-reviews/" + reference + "/" + step, body, etag(reference))
                .statusCode(200);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = ServiceDatabase.connect();
                ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A whole review, closed on {@code closedOn}, whose free text carries {@code marker}. */
    private static void wholeReview(String reference, String marker, String closedOn) {
        Api.post(Tokens.user("engagement"), "/api/case-reviews", """
                        {"caseReference": "%s", "receivedOn": "2020-09-02", "agencies": ["Stroud District Council", "Gloucestershire Police"]}""".formatted(reference))
                .statusCode(201)
                .header("Location", equalTo("/api/case-reviews/" + reference))
                .body("status", equalTo("received"));
        post(reference, "threshold-decision", """
                {"decidedOn": "2020-09-12", "met": true, "threshold": "Three complaints about the same problem in six months",
                 "reason": "Four complaints about noise %s"}""".formatted(marker));
        post(
                reference,
                "meeting",
                "{\"heldOn\": \"2020-10-01\", \"agencies\": [\"Stroud District Council\", \"Housing provider\"]}");
        post(reference, "recommendations", """
                {"recordedOn": "2020-10-03", "recommendations": ["Mediation offered %s", "Acceptable behaviour contract"]}""".formatted(marker));
        post(reference, "close", """
                {"closedOn": "%s", "outcome": "actions-agreed", "summary": "Both actions taken %s"}""".formatted(closedOn, marker));
    }

    @Test
    void aReviewRunsItsLifecycleAndReportsItsTimeliness() {
        String reference = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        wholeReview(reference, "keep", "2020-10-20");
        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + reference)
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("organisationNames", equalTo(List.of("Stroud District Council", "Gloucestershire Police")))
                .body("meeting.organisationNames", equalTo(List.of("Stroud District Council", "Housing provider")))
                .body("decision.met", equalTo(true))
                .body("decision.reason", equalTo("Four complaints about noise keep"))
                .body("recommendations.count", equalTo(2))
                .body("closure.outcome", equalTo("actions-agreed"))
                .body("timeliness.daysToDecision", equalTo(10))
                .body("timeliness.daysToClosure", equalTo(48));
        Api.get(Tokens.user("coordinator"), "/api/case-reviews")
                .statusCode(200)
                .body("caseReference", hasItem(reference));
        Api.postIfMatch(
                        Tokens.user("engagement"),
                        "/api/case-reviews/" + reference + "/meeting",
                        "{\"heldOn\": \"2020-11-01\"}",
                        etag(reference))
                .statusCode(409)
                .contentType("application/problem+json");
        Api.post(
                        Tokens.user("engagement"),
                        "/api/case-reviews/" + reference + "/meeting",
                        "{\"heldOn\": \"2020-11-01\"}")
                .statusCode(428);
        Api.get(Tokens.user("engagement"), "/api/case-reviews/NO-SUCH-CASE").statusCode(404);
    }

    /**
     * The organisations involved are free-text names under {@code organisationNames}; {@code agencies}, their former
     * name, is still read, and an error names the field the client sent.
     */
    @Test
    void organisationsAreFreeTextNamesAndTheirFormerFieldNameStillWorks() {
        String reference = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(Tokens.user("engagement"), "/api/case-reviews", """
                        {"caseReference": "%s", "receivedOn": "2024-09-02", "organisationNames": ["Stroud District Council"]}""".formatted(reference))
                .statusCode(201)
                .body("organisationNames", equalTo(List.of("Stroud District Council")))
                .body("agencies", nullValue());
        String old = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(
                        Tokens.user("engagement"),
                        "/api/case-reviews",
                        "{\"caseReference\": \"%s\", \"receivedOn\": \"2024-09-02\", \"agencies\": [\"Housing provider\"]}"
                                .formatted(old))
                .statusCode(201)
                .body("organisationNames", equalTo(List.of("Housing provider")));
        Api.post(Tokens.user("engagement"), "/api/case-reviews", """
                        {"caseReference": "ASB-CR-BOTH", "receivedOn": "2024-09-02", "organisationNames": ["A"],
                         "agencies": ["B"]}""")
                .statusCode(422)
                .body("errors[0].field", equalTo("agencies"));
        Api.post(Tokens.user("engagement"), "/api/case-reviews", """
                        {"caseReference": "ASB-CR-PD", "receivedOn": "2024-09-02", "agencies": ["Ring 07700 900123"]}""")
                .statusCode(422)
                .body("errors[0].field", equalTo("agencies[0]"));
        Api.get(Tokens.user("engagement"), "/api/case-reviews/ASB-CR-BOTH").statusCode(404);
        Api.get(Tokens.user("engagement"), "/api/case-reviews/ASB-CR-PD").statusCode(404);
    }

    @Test
    void caseReviewsAreForTheCoordinatorAndEngagementOfficersOnly() {
        Api.get(Tokens.user("engagement"), "/api/case-reviews").statusCode(200);
        for (String user : List.of("viewer", "lead", "cheltenham-coordinator")) {
            int expected = user.equals("cheltenham-coordinator") ? 200 : 403;
            Api.get(Tokens.user(user), "/api/case-reviews").statusCode(expected);
        }
        Api.get(Tokens.client("police-gloucestershire"), "/api/case-reviews")
                .statusCode(403)
                .contentType("application/problem+json");
        Api.post(
                        Tokens.client("police-gloucestershire"),
                        "/api/case-reviews",
                        "{\"caseReference\": \"ASB-CR-P1\", \"receivedOn\": \"2024-09-02\"}")
                .statusCode(403);
        for (String notAdministrator : List.of("engagement", "coordinator")) {
            Api.as(Tokens.user(notAdministrator))
                    .contentType(ContentType.JSON)
                    .when()
                    .post("/api/case-reviews/retention")
                    .then()
                    .statusCode(403);
        }
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/case-reviews?partnership=stroud")
                .statusCode(403);
    }

    @Test
    void personalDataInFreeTextIsRefusedAndNothingIsStored() throws Exception {
        String reference = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(
                        Tokens.user("engagement"),
                        "/api/case-reviews",
                        "{\"caseReference\": \"%s\", \"receivedOn\": \"2024-09-02\"}".formatted(reference))
                .statusCode(201);
        long before = count("SELECT count(*) FROM events WHERE stream_id LIKE '%" + reference + "'");
        for (String reason :
                List.of("Complaint from jo@example.org", "Call back on 07700 900123", "Noise at GL5 4UB")) {
            Api.postIfMatch(
                            Tokens.user("engagement"),
                            "/api/case-reviews/" + reference + "/threshold-decision",
                            """
                            {"decidedOn": "2024-09-12", "met": false, "threshold": "Three complaints in six months", "reason": "%s"}""".formatted(reason),
                            etag(reference))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason"));
        }
        assertEquals(before, count("SELECT count(*) FROM events WHERE stream_id LIKE '%" + reference + "'"));
    }

    /**
     * After the retention period the review's key is destroyed: its free text cannot be read back from the API, the
     * database (events, query table, keys), the Kafka topic or a view rebuilt from the events; the counts stay.
     */
    @Test
    void theRetentionPolicyMakesOldFreeTextUnreadableEverywhereAndKeepsTheCounts() throws Exception {
        String old = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        String recent = "ASB-CR-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = "secret " + Marker.next();
        wholeReview(old, marker, "2020-10-20");
        wholeReview(recent, "recentmarker", java.time.LocalDate.now().toString());
        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + old)
                .body("decision.reason", equalTo("Four complaints about noise " + marker));
        assertEquals(
                0,
                count("SELECT count(*) FROM events WHERE payload::text LIKE '%" + marker + "%'"),
                "never stored in clear");

        Api.as(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/case-reviews/retention")
                .then()
                .statusCode(200)
                .body("retention", equalTo("P3Y"));

        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + old)
                .statusCode(200)
                .body("freeTextRemoved", equalTo(true))
                .body("decision.reason", nullValue())
                .body("recommendations.texts", nullValue())
                .body("recommendations.count", equalTo(2))
                .body("closure.summary", nullValue())
                .body("closure.outcome", equalTo("actions-agreed"))
                .body("timeliness.daysToClosure", equalTo(48));
        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + recent)
                .body("freeTextRemoved", equalTo(false))
                .body("decision.reason", equalTo("Four complaints about noise recentmarker"));
        assertEquals(
                0,
                count("SELECT count(*) FROM case_review_key WHERE case_reference = '" + old + "'"),
                "the key is gone");
        assertEquals(0, count("""
                SELECT (SELECT count(*) FROM events WHERE payload::text LIKE '%MARKER%')
                     + (SELECT count(*) FROM case_review WHERE state::text LIKE '%MARKER%')""".replace("MARKER", marker)));
        var published = TopicReader.await(
                "engagement.events",
                "stroud:case-review:" + old,
                r -> "engagement.review.closed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertNotNull(published, "the closed review reached engagement.events");
        assertFalse(TopicReader.value(published).contains(marker), "Kafka carries only sealed text");

        reviews.rebuildView().await().atMost(Duration.ofSeconds(30));
        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + old)
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("decision.reason", nullValue())
                .body("freeTextRemoved", equalTo(true));
        Api.get(Tokens.user("engagement"), "/api/case-reviews/" + recent)
                .body("decision.reason", equalTo("Four complaints about noise recentmarker"));
        Api.postIfMatch(
                        Tokens.user("engagement"),
                        "/api/case-reviews/" + old + "/close",
                        "{\"closedOn\": \"2020-10-21\", \"outcome\": \"withdrawn\"}",
                        etag(old))
                .statusCode(409);
    }
}
