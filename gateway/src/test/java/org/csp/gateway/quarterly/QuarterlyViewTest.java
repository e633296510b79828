package org.csp.gateway.quarterly;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The projection against a real broker and database: events published as the services publish them become the
 * quarterly view; duplicates count once; a rebuild from the topics gives the same view.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class QuarterlyViewTest {

    private static final String QUARTER = "/api/views/quarterly/2024-25-Q2";

    static JsonPath awaitView(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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

    @Test
    void eventsFromTheThreeServicesMakeTheQuarterlyView() throws Exception {
        try (ServiceTopics topics = new ServiceTopics()) {
            topics.publish(ServiceTopics.Event.of("plan.events", "plan-service", "plan.initiative.defined.v1",
                    "stroud:initiative:P1-03", 1, """
                            {"initiativeId":"P1-03","priority":1,"priorityTitle":"ASB","title":"Mobile CCTV",
                             "leadOrganisation":null,"start":"2023-04-01","due":"2026-03-31"}"""));
            topics.publish(ServiceTopics.Event.of("plan.events", "plan-service", "plan.initiative.updated.v1",
                    "stroud:initiative:P1-03", 2, """
                            {"initiativeId":"P1-03","quarter":"2024/25 Q2","status":"on-track","rag":"green",
                             "commentary":"CCTV at four events"}"""));
            topics.publish(ServiceTopics.Event.of("measures.events", "measures-service", "measures.indicator.defined.v1",
                    "stroud:indicator:ASB-INCIDENTS", 1, """
                            {"code":"ASB-INCIDENTS","title":"ASB incidents","priority":1,"unit":"count",
                             "frequency":"monthly","polarity":"lower-is-better","sources":["gloucestershire-constabulary"]}"""));
            topics.publish(ServiceTopics.Event.of("measures.events", "measures-service", "measures.measure.recorded.v1",
                    "stroud:datapoint:ASB-INCIDENTS:E07000082:2024-08", 1, """
                            {"indicatorCode":"ASB-INCIDENTS","period":"2024-08","geography":"E07000082","value":12,
                             "status":"provisional","source":"gloucestershire-constabulary","revision":1}"""));
            ServiceTopics.Event workshop = ServiceTopics.Event.of("engagement.events", "engagement-service",
                    "engagement.activity.recorded.v1", "stroud:engagement:e-1", 1, """
                            {"engagementId":"e-1","type":"workshop","title":"Business crime workshop","date":"2024-08-14",
                             "place":"Stroud","priorities":[4],"organisations":[],"attendance":25,"outcomes":null}""");
            topics.publish(workshop);
            topics.publish(workshop); // the relay republished it after a crash: it must count once
            topics.publish(ServiceTopics.Event.of("engagement.events", "engagement-service",
                    "engagement.activity.recorded.v1", "stroud:engagement:e-2", 1, """
                            {"engagementId":"e-2","type":"survey","title":"Feel safe survey","date":"2024-09-30",
                             "place":null,"priorities":[4],"organisations":[],"attendance":null,"outcomes":null}"""));
            topics.publish(ServiceTopics.Event.of("engagement.events", "engagement-service",
                    "engagement.activity.recorded.v1", "stroud:engagement:e-3", 1, """
                            {"engagementId":"e-3","type":"workshop","title":"October workshop","date":"2024-10-01",
                             "place":null,"priorities":[],"organisations":[],"attendance":10,"outcomes":null}"""));
            // a correction of the measure: revision 2 replaces the value
            topics.publish(ServiceTopics.Event.of("measures.events", "measures-service", "measures.measure.recorded.v1",
                    "stroud:datapoint:ASB-INCIDENTS:E07000082:2024-08", 2, """
                            {"indicatorCode":"ASB-INCIDENTS","period":"2024-08","geography":"E07000082","value":14,
                             "status":"final","source":"gloucestershire-constabulary","revision":2}"""));
        }

        JsonPath view = awaitView(QUARTER, v -> v.getInt("engagement.records") == 2
                && Integer.valueOf(14).equals(v.get("measures[0].total")));
        assertEquals("2024/25 Q2", view.getString("quarter"));
        assertEquals("2024-07-01", view.getString("from"));
        assertEquals("on-track", view.getString("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals("CCTV at four events", view.getString("initiatives.find { it.id == 'P1-03' }.commentary"));
        assertEquals("E07000082", view.getString("measures[0].geography"));
        assertEquals(2, view.getInt("measures[0].periods[0].revision"));
        assertEquals(1, view.getInt("engagement.byType.workshop"));
        assertEquals(1, view.getInt("engagement.byType.survey"));
        assertEquals(25, view.getInt("engagement.attendance"));

        JsonPath q3 = awaitView("/api/views/quarterly/2024-25-Q3", v -> v.getInt("engagement.records") == 1);
        assertNull(q3.get("initiatives.find { it.id == 'P1-03' }.status"));

        // Rebuild from the beginning of the topics: the same figures come back, duplicates still counted once.
        given().auth().oauth2(Tokens.user("viewer")).when().post("/api/admin/projections/quarterly/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("coordinator")).when().post("/api/admin/projections/quarterly/rebuild")
                .then().statusCode(202);
        JsonPath rebuilt = awaitView(QUARTER, v -> v.getInt("engagement.records") == 2
                && Integer.valueOf(14).equals(v.get("measures[0].total"))
                && "on-track".equals(v.getString("initiatives.find { it.id == 'P1-03' }.status")));
        assertEquals(view.getMap("engagement"), rebuilt.getMap("engagement"));
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get(QUARTER).then().statusCode(401);
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
}
