package org.csp.engagement.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.engagement.registry.TestRegistry;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.testing.Api;
import org.csp.testing.Marker;
import org.csp.testing.Unauthorized;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class EngagementResourceTest {

    /** The organisations the records name are in Stroud's registry, as plan-service publishes it. */
    @BeforeEach
    void stroudsRegistry() throws Exception {
        TestRegistry.stroud();
    }

    private static final String SCHOOL_TALK = """
            {"type": "school-presentation", "title": "%s", "date": "2024-06-12", "place": "Stroud Valley School",
             "priorities": [3, 2, 3], "organisations": ["Stroud District Council"], "attendance": 120,
             "outcomes": "Hate incident reporting explained"}""";

    /** Without a token, or with one that is not a token, the answer is a 401 problem that keeps the challenge. */
    @Test
    void aMissingOrBadTokenIsA401Problem() {
        Unauthorized.assertRefused("GET", "/api/engagements");
        Unauthorized.assertRefused("POST", "/api/engagements", SCHOOL_TALK.formatted("No token"));
    }

    @Test
    void anOfficerRecordsAnEngagementThatIsStoredAndPublished() {
        String title = "Hate awareness assembly " + Marker.next();
        String location = Api.post(Tokens.user("engagement"), "/api/engagements", SCHOOL_TALK.formatted(title))
                .statusCode(201)
                .body("quarter", equalTo("2024/25 Q1"))
                .body("priorities", equalTo(java.util.List.of(2, 3)))
                .extract()
                .header("Location");
        String id = Api.get(Tokens.user("viewer"), location)
                .statusCode(200)
                .body("title", equalTo(title))
                .body("attendance", equalTo(120))
                .extract()
                .path("id");
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q1&type=school-presentation")
                .statusCode(200)
                .body("id", hasItem(id));
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q2")
                .statusCode(200)
                .body("id", not(hasItem(id)));

        ConsumerRecord<String, byte[]> record =
                TopicReader.await("engagement.events", "stroud:engagement:" + id, r -> true, Duration.ofSeconds(20));
        assertNotNull(record, "the record reached engagement.events");
        assertEquals("engagement.activity.recorded.v3", TopicReader.header(record, "ce_type"));
        assertEquals("engagement-service", TopicReader.header(record, "ce_source"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String key = UUID.randomUUID().toString();
        String title = "Retried " + Marker.next();
        String body = SCHOOL_TALK.formatted(title);
        String id = Api.json(Tokens.user("coordinator"), body)
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.json(Tokens.user("coordinator"), body)
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        Api.json(Tokens.user("coordinator"), SCHOOL_TALK.formatted("Something else"))
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:idempotency-key-reused"));
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q1")
                .statusCode(200)
                .body("findAll { it.title == '" + title + "' }", hasSize(1));
    }

    /**
     * A retry with the same key is answered from the stored first answer, marked as replayed; a request refused inside
     * the transaction (a date in the future) leaves its key unused, so the corrected request records with it.
     */
    @Test
    void aRetryGetsTheFirstAnswerBackAndARefusedRequestLeavesItsKeyFree() {
        String key = UUID.randomUUID().toString();
        Api.json(
                        Tokens.user("engagement"),
                        "{\"type\": \"survey\", \"title\": \"Too early " + Marker.next()
                                + "\", \"startDate\": \"2999-01-01\"}")
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("startDate"));
        String body = SCHOOL_TALK.formatted("Replayed " + Marker.next());
        ExtractableResponse<Response> first = Api.json(Tokens.user("engagement"), body)
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        ExtractableResponse<Response> again = Api.json(Tokens.user("engagement"), body)
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract();
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("\"1\"", again.header("ETag"));
        Api.get(Tokens.user("viewer"), first.header("Location") + "/history")
                .statusCode(200)
                .body("type", equalTo(List.of("engagement.activity.recorded.v3")));
    }

    /**
     * The start date is startDate and the place one object, in requests and views; organisations are registry ids, with
     * their names beside them in views. The former names (date, a place as a string, leadOrganisationName and
     * organisationNames with exact registered names) are still read, on POST and PATCH, and an error names the field
     * the client sent.
     */
    @Test
    void oneNameAndShapePerFieldWithTheFormerOnesStillRead() {
        String officer = Tokens.user("engagement");
        String title = "Community safety stall " + Marker.next();
        Api.post(officer, "/api/engagements", """
                        {"type": "public-event", "title": "%s", "startDate": "2024-07-06",
                         "place": {"level": "parish", "gss": "E04008245", "name": "Nailsworth"},
                         "leadOrganisationName": "Stroud District Council", "organisationNames": ["Gloucestershire Police"]}""".formatted(title))
                .statusCode(201)
                .body("startDate", equalTo("2024-07-06"))
                .body("endDate", equalTo("2024-07-06"))
                .body("quarter", equalTo("2024/25 Q2"))
                .body("place", equalTo(Map.of("level", "parish", "gss", "E04008245", "name", "Nailsworth")))
                .body("leadOrganisation", equalTo("stroud-district-council"))
                .body("leadOrganisationName", equalTo("Stroud District Council"))
                .body("organisations", equalTo(List.of("gloucestershire-constabulary")))
                .body("organisationNames", equalTo(List.of("Gloucestershire Police")))
                .body("$", not(hasKey("date")))
                .body("$", not(hasKey("placeDetail")));
        Api.post(
                        officer,
                        "/api/engagements",
                        "{\"type\": \"workshop\", \"title\": \"Named place\", \"startDate\": \"2024-07-06\", "
                                + "\"place\": {\"name\": \"Nailsworth\"}}")
                .statusCode(201)
                .body("place", equalTo(Map.of("name", "Nailsworth")));
        String location = Api.post(officer, "/api/engagements", """
                        {"type": "workshop", "title": "%s", "date": "2024-06-12", "place": "Stroud Valley School",
                         "leadOrganisation": "stroud-district-council", "organisations": ["neighbourhood-watch"]}""".formatted(title))
                .statusCode(201)
                .body("startDate", equalTo("2024-06-12"))
                .body("place", equalTo(Map.of("name", "Stroud Valley School")))
                .body("leadOrganisation", equalTo("stroud-district-council"))
                .body("leadOrganisationName", equalTo("Stroud District Council"))
                .body("organisations", equalTo(List.of("neighbourhood-watch")))
                .body("organisationNames", equalTo(List.of("Neighbourhood Watch")))
                .extract()
                .header("Location");
        Api.mergePatch(
                        officer,
                        location,
                        "{\"date\": \"2024-06-11\", \"organisationNames\": [\"Gloucestershire Police\"]}",
                        "\"1\"")
                .statusCode(200)
                .body("startDate", equalTo("2024-06-11"))
                .body("endDate", equalTo("2024-06-12"))
                .body("place", equalTo(Map.of("name", "Stroud Valley School")))
                .body("organisations", equalTo(List.of("gloucestershire-constabulary")))
                .body("organisationNames", equalTo(List.of("Gloucestershire Police")));
        Api.mergePatch(officer, location, "{\"date\": \"2999-01-01\"}", "\"2\"")
                .statusCode(422)
                .body("errors[0].field", equalTo("date"));
        Api.mergePatch(officer, location, "{\"startDate\": \"2999-01-01\"}", "\"2\"")
                .statusCode(422)
                .body("errors[0].field", equalTo("startDate"));
        Api.post(
                        officer,
                        "/api/engagements",
                        "{\"type\": \"workshop\", \"title\": \"Both dates\", \"startDate\": \"2024-06-12\", "
                                + "\"date\": \"2024-06-12\"}")
                .statusCode(422)
                .body("errors.field", equalTo(List.of("date")));
        Api.post(
                        officer,
                        "/api/engagements",
                        "{\"type\": \"workshop\", \"title\": \"Bad name\", \"startDate\": \"2024-06-12\", "
                                + "\"organisations\": [\"Ring 07700 900123\"]}")
                .statusCode(422)
                .body("errors.field", equalTo(List.of("organisations[0]")));
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q1")
                .statusCode(200)
                .body("title", not(hasItem("Both dates")))
                .body("title", not(hasItem("Bad name")));
    }

    /** The OpenAPI document marks the former names deprecated. */
    @Test
    void theFormerNamesAreDeprecatedInTheOpenApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.EngagementRequest.properties.date.deprecated", equalTo(true))
                .body("components.schemas.EngagementRequest.properties.organisationNames.deprecated", equalTo(true))
                .body("components.schemas.EngagementRequest.properties.leadOrganisationName.deprecated", equalTo(true))
                .body("components.schemas.EngagementRequest.properties.organisations.deprecated", nullValue())
                .body("components.schemas.EngagementRequest.properties.startDate.deprecated", nullValue())
                .body("components.schemas.ApplicationRequest.properties.agencies.deprecated", equalTo(true));
    }

    @Test
    void onlyCoordinatorsAndEngagementOfficersRecord() {
        String body = SCHOOL_TALK.formatted("Not allowed");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(401);
        Api.post(Tokens.user("viewer"), "/api/engagements", body).statusCode(403);
        Api.post(Tokens.client("police-gloucestershire"), "/api/engagements", body)
                .statusCode(403);
        Api.get(Tokens.user("viewer"), "/api/engagements").statusCode(200).body("title", not(hasItem("Not allowed")));
    }

    /** {@code token} records {@code body}: refused (422), with each of {@code fields} among the invalid ones. */
    private static ValidatableResponse refused(String token, String body, String... fields) {
        return Api.post(token, "/api/engagements", body).statusCode(422).body("errors.field", hasItems(fields));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String officer = Tokens.user("engagement");
        refused(officer, "{\"type\": \"party\", \"title\": \"\", \"date\": \"14/08/2024\"}", "type", "title", "date")
                .contentType("application/problem+json");
        refused(
                officer,
                "{\"type\": \"survey\", \"title\": \"Bad numbers\", \"date\": \"2024-05-01\", \"attendance\": -3, \"priorities\": [0]}",
                "attendance",
                "priorities");
        refused(officer, "{\"type\": \"survey\", \"title\": \"Tomorrow\", \"date\": \"2999-01-01\"}", "date")
                .body("errors[0].field", equalTo("date"));
        Api.post(officer, "/api/engagements", "[1, 2").statusCode(400).contentType("application/problem+json");
        Api.json(officer, SCHOOL_TALK.formatted("Bad key"))
                .header("Idempotency-Key", "has spaces in it")
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), "/api/engagements")
                .statusCode(200)
                .body("title", not(hasItem("Bad numbers")))
                .body("title", not(hasItem("Tomorrow")))
                .body("title", not(hasItem("Bad key")));
        Api.get(Tokens.user("viewer"), "/api/engagements/" + UUID.randomUUID())
                .statusCode(404)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=Q5")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** Free text partners or the public may see refuses what identifies a person, and nothing is stored. */
    @Test
    void aWorkshopIsAcceptedButPersonalDataInItsTextIsRefused() {
        Api.post(Tokens.user("engagement"), "/api/engagements", """
                        {"type": "workshop", "title": "Crime prevention workshop for VCSE organisations", "date": "2024-08-14",
                         "place": "Stroud", "priorities": [4], "organisations": ["Stroud District Council"], "attendance": 23,
                         "outcomes": "Checklist handed to 12 organisations"}""").statusCode(201);
        String marker = Marker.next();
        String workshop = """
                {"type": "workshop", "title": "%s", "date": "2024-08-14", "place": "%s", "outcomes": "%s"}""";
        List<String[]> refused = List.of(
                new String[] {
                    "outcomes", workshop.formatted("Workshop " + marker, "Stroud", "Contact jane.doe@example.org")
                },
                new String[] {
                    "outcomes", workshop.formatted("Workshop " + marker, "Stroud", "Ring 07700 900123 for a place")
                },
                new String[] {"place", workshop.formatted("Workshop " + marker, "Community hall, GL5 4UB", "ok")},
                new String[] {
                    "title", workshop.formatted("Workshop " + marker + " call +44 1453 766321", "Stroud", "ok")
                });
        for (String[] bad : refused) {
            Api.post(Tokens.user("engagement"), "/api/engagements", bad[1])
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
        }
        Api.get(Tokens.user("viewer"), "/api/engagements")
                .statusCode(200)
                .body("title", not(hasItem(containsString(marker))));
    }

    /** Corrected with a merge patch (If-Match), followed up, filtered by priority and place, withdrawn: every step kept. */
    @Test
    void aRecordIsAmendedFollowedUpAndWithdrawnWithItsHistoryKept() {
        String officer = Tokens.user("engagement");
        String title = "Neighbourhood watch launch " + Marker.next();
        String location = Api.post(officer, "/api/engagements", """
                        {"type": "neighbourhood-watch", "title": "%s", "date": "2024-05-10", "endDate": "2024-05-11",
                         "place": {"level": "ward", "gss": "E05010965", "name": "Stonehouse"}, "priorities": [4],
                         "initiatives": ["P4-02"], "leadOrganisation": "Neighbourhood Watch", "audience": "Residents",
                         "attendance": 40}""".formatted(title))
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .extract()
                .header("Location");
        Api.as(officer)
                .contentType("application/merge-patch+json")
                .body("{\"attendance\": 45}")
                .when()
                .patch(location)
                .then()
                .statusCode(428);
        Api.mergePatch(officer, location, "{\"attendance\": 45, \"outcomes\": \"Two new schemes\"}", "\"1\"")
                .statusCode(200)
                .body("attendance", equalTo(45))
                .body("endDate", equalTo("2024-05-11"));
        Api.mergePatch(officer, location, "{\"attendance\": 50}", "\"1\"").statusCode(412);
        Api.mergePatch(
                        officer,
                        location,
                        "{\"place\": {\"level\": \"ward\", \"gss\": \"E07000082\", \"name\": \"x\"}}",
                        "\"2\"")
                .statusCode(422)
                .body("errors[0].field", equalTo("place.gss"));
        Api.mergePatch(
                        officer,
                        location,
                        "{\"place\": {\"level\": \"district\", \"gss\": \"E07000999\", \"name\": \"Nowhere\"}}",
                        "\"2\"")
                .statusCode(422)
                .body("errors[0].field", equalTo("place.gss"));
        Api.postIfMatch(
                        officer,
                        location + "/follow-ups",
                        "{\"addedOn\": \"2024-06-01\", \"youSaid\": \"More patrols at night\", \"weDid\": \"Patrols added on Fridays\"}",
                        "\"2\"")
                .statusCode(200)
                .body("followUps[0].weDid", equalTo("Patrols added on Fridays"));
        Api.get(Tokens.user("viewer"), "/api/engagements?priority=4&place=E05010965&quarter=2024-25-Q1")
                .statusCode(200)
                .body("title", hasItem(title));
        Api.get(Tokens.user("viewer"), "/api/engagements?priority=1").body("title", not(hasItem(title)));
        Api.postIfMatch(Tokens.user("viewer"), location + "/withdraw", "{\"reason\": \"Recorded twice\"}", "\"3\"")
                .statusCode(403);
        Api.postIfMatch(officer, location + "/withdraw", "{\"reason\": \"Recorded twice\"}", "\"3\"")
                .statusCode(200)
                .body("withdrawn", equalTo(true));
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q1").body("title", not(hasItem(title)));
        Api.get(Tokens.user("viewer"), "/api/engagements?quarter=2024-25-Q1&includeWithdrawn=true")
                .body("title", hasItem(title));
        Api.get(Tokens.user("viewer"), location + "/history")
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "engagement.activity.recorded.v3",
                                "engagement.activity.amended.v2",
                                "engagement.activity.follow-up-added.v1",
                                "engagement.activity.withdrawn.v1")))
                .body("[1].changes.field", hasItem("/details/attendance"));
    }
}
