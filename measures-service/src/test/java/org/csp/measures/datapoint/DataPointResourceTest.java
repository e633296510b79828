package org.csp.measures.datapoint;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.eventsourcing.testing.Unauthorized;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class DataPointResourceTest {

    private static final String POLICE = "police-gloucestershire";

    private static String point(String period, String value) {
        return """
                {"period": "%s", "geography": "E07000082", "value": %s}""".formatted(period, value);
    }

    /** Without a token, or with one that is not a token, the answer is a 401 problem that keeps the challenge. */
    @Test
    void aMissingOrBadTokenIsA401Problem() {
        Unauthorized.assertRefused("GET", "/api/indicators");
        Unauthorized.assertRefused("POST", "/api/indicators/ASB-INCIDENTS/data-points", point("2024-07", "1"));
    }

    @Test
    void theStroudIndicatorsAreLoadedAtFirstStart() {
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators")
                .then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(20))
                .body("code", hasItem("ASB-INCIDENTS"))
                .body("find { it.code == 'HATE-CRIMES' }.polarity", equalTo("increased-reporting-is-positive"));
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators?priority=4")
                .then().statusCode(200)
                .body("priority", hasItem(4))
                .body("findAll { it.priority != 4 }", hasSize(0));
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS")
                .then().statusCode(200)
                .body("sources", hasItem("gloucestershire-constabulary"))
                .body("frequency", equalTo("monthly"));
    }



    @Test
    void aPartnerAgencyPostsAValueThatIsStoredPublishedAndRevised() {
        String police = Tokens.client(POLICE);
        given().auth().oauth2(police).contentType(ContentType.JSON).body(point("2024-08", "12"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(201)
                .header("Location", endsWith("/api/indicators/ASB-INCIDENTS/data-points/E07000082/2024-08"))
                .body("revision", equalTo(1))
                .body("source", equalTo("gloucestershire-constabulary"))
                .body("submittedBy", equalTo(POLICE))
                .body("status", equalTo("provisional"));
        // a retry of the same value changes nothing
        given().auth().oauth2(police).contentType(ContentType.JSON).body(point("2024-08", "12"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(200).body("revision", equalTo(1));
        // a correction is a new revision; the history keeps what was reported first
        given().auth().oauth2(police).contentType(ContentType.JSON)
                .body("{\"period\": \"2024-08\", \"geography\": \"E07000082\", \"value\": 13, \"status\": \"final\"}")
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(201).body("revision", equalTo(2));

        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS/data-points/E07000082/2024-08")
                .then().statusCode(200)
                .body("value", equalTo(13))
                .body("revisions", hasSize(2))
                .body("revisions[0].value", equalTo(12))
                .body("revisions[0].status", equalTo("provisional"))
                .body("revisions[1].status", equalTo("final"));
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS/data-points?from=2024-25-Q2&to=2024-25-Q2&geography=E07000082")
                .then().statusCode(200)
                .body("find { it.period == '2024-08' }.value", equalTo(13));

        ConsumerRecord<String, byte[]> record = TopicReader.await("measures.events", "stroud:datapoint:ASB-INCIDENTS:E07000082:2024-08",
                r -> TopicReader.value(r).matches(".*\"revision\":\\s*2\\b.*"), Duration.ofSeconds(20));
        assertNotNull(record, "the correction reached measures.events");
        assertEquals("measures.measure.recorded.v1", TopicReader.header(record, "ce_type"));
        assertEquals("measures-service", TopicReader.header(record, "ce_source"));
        assertEquals("stroud", TopicReader.header(record, "ce_partnership"));
    }

    @Test
    void aPartnerAgencyPostsOnlyForIndicatorsItsOrganisationIsASourceOf() {
        given().auth().oauth2(Tokens.client(POLICE)).contentType(ContentType.JSON).body(point("2024/25", "70"))
                .when().post("/api/indicators/FEEL-SAFE-AFTER-DARK/data-points")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.client(POLICE)).contentType(ContentType.JSON)
                .body("{\"period\": \"2024-09\", \"geography\": \"E07000082\", \"value\": 3, \"source\": \"stroud-district-council\"}")
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS/data-points?from=2024-09&to=2024-09")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aCoordinatorPostsForASourceAndOthersCannotPost() {
        given().auth().oauth2(Tokens.user("coordinator")).contentType(ContentType.JSON).body(point("2023/24", "68.5"))
                .when().post("/api/indicators/FEEL-SAFE-AFTER-DARK/data-points")
                .then().statusCode(201).body("source", equalTo("stroud-district-council")).body("value", equalTo(68.5f));
        given().auth().oauth2(Tokens.user("viewer")).contentType(ContentType.JSON).body(point("2024-07", "1"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points").then().statusCode(403);
        given().auth().oauth2(Tokens.client("safer-gloucestershire")).contentType(ContentType.JSON).body(point("2024-07", "1"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points").then().statusCode(403);
        given().contentType(ContentType.JSON).body(point("2024-07", "1"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points").then().statusCode(401);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String police = Tokens.client(POLICE);
        given().auth().oauth2(police).contentType(ContentType.JSON)
                .body("{\"period\": \"2024-10\", \"geography\": \"Stroud\", \"value\": \"lots\"}")
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(police).contentType(ContentType.JSON)
                .body("{\"period\": \"August\", \"geography\": \"Stroud\"}")
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("period"))
                .body("errors.field", hasItem("geography"))
                .body("errors.field", hasItem("value"));
        given().auth().oauth2(police).contentType(ContentType.JSON).body(point("2024/25 Q3", "4"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(422).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(police).contentType(ContentType.JSON).body(point("2024-10", "4.5"))
                .when().post("/api/indicators/ASB-INCIDENTS/data-points")
                .then().statusCode(422).body("errors[0].field", equalTo("value"));
        given().auth().oauth2(police).contentType(ContentType.JSON).body(point("2024-10", "4"))
                .when().post("/api/indicators/NO-SUCH-INDICATOR/data-points")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS/data-points?from=2024-10&to=2024-12")
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.user("viewer"))
                .when().get("/api/indicators/ASB-INCIDENTS/data-points?from=yesterday")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
