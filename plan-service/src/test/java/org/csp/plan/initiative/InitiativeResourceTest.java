package org.csp.plan.initiative;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.eventsourcing.EventStore;
import org.csp.infrastructure.LockWaits;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.testing.Api;
import org.csp.testing.Unauthorized;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class InitiativeResourceTest {

    private static String progress(String quarter, String status, String rag, String commentary) {
        return """
                {"quarter": "%s", "status": "%s", "rag": "%s", "commentary": "%s"}""".formatted(quarter, status, rag, commentary);
    }

    /** {@code user} reports progress on {@code initiative}. */
    private static ValidatableResponse report(String user, String initiative, String body) {
        return Api.post(Tokens.user(user), "/api/initiatives/" + initiative + "/progress", body);
    }

    /** A report on P4-02 whose first invalid field is {@code field}: refused (422), nothing stored. */
    private static void assertInvalid(String body, String field) {
        report("coordinator", "P4-02", body).statusCode(422).body("errors[0].field", equalTo(field));
    }

    /** Without a token, or with one that is not a token, the answer is a 401 problem that keeps the challenge. */
    @Test
    void aMissingOrBadTokenIsA401Problem() {
        Unauthorized.assertRefused("GET", "/api/initiatives");
        Unauthorized.assertRefused(
                "POST", "/api/initiatives/P1-01/progress", progress("2024/25 Q2", "on-track", "green", "x"));
    }

    @Test
    void theStroudPlanIsLoadedAtFirstStart() {
        Api.get(Tokens.user("viewer"), "/api/initiatives")
                .statusCode(200)
                .body("findAll { it.id ==~ /P[1-5]-0[1-9]/ }", hasSize(34))
                .body("[0].id", equalTo("P1-01"))
                .body("[0].priority", equalTo(1))
                .body("priority", hasItem(5))
                .body("[2].title", startsWith("Support events, businesses, and the Police"));
    }

    @Test
    void aViewerCannotReportProgress() {
        report("viewer", "P1-02", progress("2024/25 Q2", "on-track", "green", "x"))
                .statusCode(403);
    }

    @Test
    void aCoordinatorReportsProgressAndItIsPublishedAsACloudEvent() throws Exception {
        String commentary = "CCTV deployed at four events " + UUID.randomUUID();
        int version = report("coordinator", "P1-03", progress("2024/25 Q2", "on-track", "green", commentary))
                .statusCode(200)
                .body("status", equalTo("on-track"))
                .body("quarter", equalTo("2024/25 Q2"))
                .extract()
                .path("version");

        Api.get(Tokens.user("lead"), "/api/initiatives/P1-03")
                .statusCode(200)
                .header("ETag", "\"" + version + "\"")
                .body("progress.commentary", hasItem(commentary));

        ConsumerRecord<String, byte[]> record = TopicReader.await(
                "plan.events",
                "stroud:initiative:P1-03",
                r -> TopicReader.value(r).contains(commentary),
                Duration.ofSeconds(20));
        assertNotNull(record, "the update reached plan.events");
        assertEquals("plan.initiative.updated.v2", TopicReader.header(record, "ce_type"));
        JsonNode reportedBy =
                new ObjectMapper().readTree(TopicReader.value(record)).get("reportedBy");
        assertEquals(subject("coordinator"), reportedBy.path("subject").asText(), "the token's subject");
        assertEquals("coordinator", reportedBy.path("reportedAs").asText());
        assertTrue(reportedBy.path("organisation").isNull(), "a person's token names no organisation");
        assertEquals("plan-service", TopicReader.header(record, "ce_source"));
        assertEquals("stroud:initiative:P1-03", TopicReader.header(record, "ce_subject"));
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertEquals("stroud", TopicReader.header(record, "ce_partnership"));
        assertEquals(Integer.toString(version), TopicReader.header(record, "ce_streamversion"));
        assertNotNull(TopicReader.header(record, "ce_id"));
        assertNotNull(TopicReader.header(record, "ce_time"));
    }

    /** Who reported is the token's subject and role, never anything the body says. */
    @Test
    void aLeadsReportRecordsTheLeadAsItsReporter() {
        String commentary = "Two new routes patrolled " + UUID.randomUUID();
        report("lead", "P1-02", """
                        {"quarter": "2024/25 Q1", "status": "on-track", "rag": "green", "commentary": "%s"}""".formatted(commentary)).statusCode(200);

        Api.get(Tokens.user("viewer"), "/api/initiatives/P1-02")
                .statusCode(200)
                .body("progress.find { it.quarter == '2024/25 Q1' }.commentary", equalTo(commentary))
                .body("progress.find { it.quarter == '2024/25 Q1' }.reportedBy.subject", equalTo(subject("lead")))
                .body("progress.find { it.quarter == '2024/25 Q1' }.reportedBy.reportedAs", equalTo("priority-lead"))
                .body("progress.find { it.quarter == '2024/25 Q1' }.reportedBy.organisation", nullValue());
    }

    /** The subject ({@code sub}) of a demo user's token. */
    private static String subject(String user) {
        String payload =
                new String(Base64.getUrlDecoder().decode(Tokens.user(user).split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher sub = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
        assertTrue(sub.find(), payload);
        return sub.group(1);
    }

    @Test
    void theSameReportTwiceDoesNotAppendTwice() {
        String body = progress("2024/25 Q3", "at-risk", "amber", "Funding confirmed late");
        int first = report("lead", "P1-01", body).statusCode(200).extract().path("version");
        report("lead", "P1-01", body).statusCode(200).body("version", equalTo(first));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        Api.postIfMatch(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P3-01/progress",
                        progress("2024/25 Q1", "on-track", "green", "first"),
                        "\"1\"")
                .statusCode(200)
                .body("version", equalTo(2));
        Api.postIfMatch(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P3-01/progress",
                        progress("2024/25 Q1", "completed", "green", "second"),
                        "\"1\"")
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:precondition-failed"));
    }

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        report("coordinator", "P4-01", "{\"quarter\": \"2024/25 Q2\", ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:malformed-body"))
                .body("status", equalTo(400));
        Api.get(Tokens.user("viewer"), "/api/initiatives/P4-01")
                .statusCode(200)
                .body("version", equalTo(1))
                .body("progress", hasSize(0));
    }

    @Test
    void invalidFieldsAreListed() {
        report("coordinator", "P4-02", progress("2024 Q2", "great", "blue", ""))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("quarter"))
                .body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("rag"));
        assertInvalid(progress("2024/25 Q2", "off-track", "red", ""), "commentary");
        assertInvalid(progress("2030/31 Q1", "on-track", "green", "too late"), "quarter");
        Api.get(Tokens.user("viewer"), "/api/initiatives/P4-02").statusCode(200).body("progress", hasSize(0));
    }

    @Test
    void anUnknownInitiativeIsNotFound() {
        report("coordinator", "P9-99", progress("2024/25 Q2", "on-track", "green", "x"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:not-found"));
    }

    /**
     * Two reports on one initiative decided on the same stream version: the kernel's append lock is held from here,
     * so both requests load version n and stop before their insert; once it is released exactly one is stored and
     * the other is refused with 409 by the UNIQUE(stream_id, version) guard.
     */
    @Test
    void twoConcurrentReportsOnOneStreamStoreOneAndRefuseTheOtherWith409() throws Exception {
        String stream = "stroud:initiative:P5-01";
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Connection lockHolder = ServiceDatabase.connect();
                Connection observer = ServiceDatabase.connect()) {
            long before = eventCount(observer, stream);
            lockHolder.setAutoCommit(false);
            try (var lock = lockHolder.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, EventStore.APPEND_LOCK);
                lock.execute();
            }
            List<CompletableFuture<Response>> posts = new ArrayList<>();
            for (String commentary : List.of("first of two concurrent reports", "second of two concurrent reports")) {
                posts.add(CompletableFuture.supplyAsync(
                        () -> Api.json(
                                        Tokens.user("coordinator"),
                                        progress("2024/25 Q4", "at-risk", "amber", commentary))
                                .when()
                                .post("/api/initiatives/P5-01/progress"),
                        clients));
            }
            LockWaits.await(observer, 2);
            lockHolder.commit();

            List<Response> responses = new ArrayList<>();
            for (CompletableFuture<Response> post : posts) {
                responses.add(post.get(30, TimeUnit.SECONDS));
            }
            responses.sort(Comparator.comparingInt(Response::statusCode));
            assertEquals(
                    List.of(200, 409),
                    responses.stream().map(Response::statusCode).toList());
            responses
                    .get(1)
                    .then()
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:csp:problem:concurrency-conflict"))
                    .body("status", equalTo(409));
            assertEquals(before + 1, eventCount(observer, stream), "exactly one of the two reports is stored");
        } finally {
            clients.shutdownNow();
        }
    }

    private static long eventCount(Connection connection, String stream) throws Exception {
        try (var count = connection.prepareStatement("SELECT count(*) FROM events WHERE stream_id = ?")) {
            count.setString(1, stream);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
