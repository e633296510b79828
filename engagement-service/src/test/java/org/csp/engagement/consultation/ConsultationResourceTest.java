package org.csp.engagement.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class ConsultationResourceTest {

    @Test
    void aSurveyOpensClosesAndPublishesAggregateResultsForThePerceptionIndicators() {
        String id = "survey-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(Tokens.user("engagement"), "/api/consultations", """
                        {"id": "%s", "kind": "survey", "title": "Residents' community safety survey", "opensOn": "2024-06-01",
                         "plannedClose": "2024-07-31", "priorities": [4],
                         "questions": [{"code": "Q1", "text": "How safe do you feel in your local area after dark?"},
                                       {"code": "Q2", "text": "Has ASB got better, stayed the same or got worse?"}]}""".formatted(id))
                .statusCode(201)
                .header("Location", equalTo("/api/consultations/" + id))
                .body("status", equalTo("open"));
        Api.postIfMatch(
                        Tokens.user("engagement"),
                        "/api/consultations/" + id + "/results",
                        "{\"publishedOn\": \"2024-09-01\", \"period\": \"2024/25\", "
                                + "\"geography\": \"E07000082\", \"results\": [{\"question\": \"Q1\", \"percentage\": 71.5, \"sampleSize\": 812}]}",
                        "\"1\"")
                .statusCode(409);
        Api.postIfMatch(
                        Tokens.user("engagement"),
                        "/api/consultations/" + id + "/close",
                        "{\"closedOn\": \"2024-07-31\"}",
                        "\"1\"")
                .statusCode(200)
                .body("status", equalTo("closed"));
        Api.postIfMatch(Tokens.user("engagement"), "/api/consultations/" + id + "/results", """
                        {"publishedOn": "2024-09-01", "period": "2024/25", "geography": "E07000082",
                         "results": [{"question": "Q1", "indicator": "FEEL-SAFE-AFTER-DARK", "percentage": 101, "sampleSize": 0}]}""", "\"2\"")
                .statusCode(422)
                .body("errors.field", hasItem("results[0].percentage"))
                .body("errors.field", hasItem("results[0].sampleSize"));
        Api.postIfMatch(Tokens.user("engagement"), "/api/consultations/" + id + "/results", """
                        {"publishedOn": "2024-09-01", "period": "2024/25", "geography": "E07000082",
                         "results": [{"question": "Q1", "indicator": "FEEL-SAFE-AFTER-DARK", "percentage": 71.5, "sampleSize": 812},
                                     {"question": "Q2", "indicator": "ASB-BETTER-OR-SAME", "percentage": "83", "sampleSize": 790}]}""", "\"2\"")
                .statusCode(400);
        Api.postIfMatch(Tokens.user("engagement"), "/api/consultations/" + id + "/results", """
                        {"publishedOn": "2024-09-01", "period": "2024/25", "geography": "E07000082",
                         "results": [{"question": "Q1", "indicator": "FEEL-SAFE-AFTER-DARK", "percentage": 71.5, "sampleSize": 812},
                                     {"question": "Q2", "indicator": "ASB-BETTER-OR-SAME", "percentage": 83.0, "sampleSize": 790}]}""", "\"2\"")
                .statusCode(200)
                .body("status", equalTo("results-published"))
                .body("results.results[0].percentage", equalTo(71.5f));
        // a partner system names the partnership it reads (no default) and reads only those it serves
        String police = Tokens.client("police-gloucestershire");
        Api.get(police, "/api/consultations/" + id + "?partnership=stroud").statusCode(200);
        Api.get(police, "/api/consultations/" + id)
                .statusCode(400)
                .body("type", equalTo("urn:csp:problem:partnership-required"));
        Api.get(police, "/api/consultations/" + id + "?partnership=bristol")
                .statusCode(403)
                .body("type", equalTo("urn:csp:problem:other-partnership"));
        Api.postIfMatch(
                        Tokens.user("viewer"),
                        "/api/consultations/" + id + "/close",
                        "{\"closedOn\": \"2024-07-31\"}",
                        "\"3\"")
                .statusCode(403);
        ConsumerRecord<String, byte[]> published = TopicReader.await(
                "engagement.events",
                "stroud:consultation:" + id,
                r -> "engagement.consultation.results-published.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertNotNull(published, "the results reached engagement.events for measures-service");
        assertTrue(TopicReader.value(published).contains("FEEL-SAFE-AFTER-DARK"));
    }

    /** A priority that is null is a field error like any other, not a failure of the sort that orders them. */
    @Test
    void aNullPriorityIsAProblemAndOpensNothing() {
        String id = "survey-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(Tokens.user("engagement"), "/api/consultations", """
                        {"id": "%s", "kind": "survey", "title": "Null priority", "opensOn": "2024-06-01",
                         "priorities": [4, null], "questions": [{"code": "Q1", "text": "How safe do you feel?"}]}""".formatted(id))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("priorities"));
        Api.get(Tokens.user("viewer"), "/api/consultations/" + id).statusCode(404);
    }
}
