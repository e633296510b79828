package org.csp.plan.initiative;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.plan.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/** Creating, amending (JSON merge patch), retiring and listing initiatives, priorities, objectives and organisations. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class InitiativeAmendmentTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static RequestSpecification as(String user) {
        return Api.as(Tokens.user(user)).contentType(ContentType.JSON);
    }

    private static String etag(String path) {
        return Api.get(Tokens.user("viewer"), path).statusCode(200).extract().header("ETag");
    }

    @Test
    void anInitiativeIsCreatedAmendedWithAMergePatchAndRetired() {
        as("coordinator")
                .body("""
                        {"id": "P1-10", "priority": 1, "objectives": ["P1-O1"], "title": "Street drinking patrols <b>pilot</b>",
                         "leadPartner": "stroud-district-council", "supportingPartners": ["gloucestershire-constabulary"],
                         "start": "2024-04-01", "due": "2025-03-31", "resources": "Two wardens", "funding": "PCC grant",
                         "risks": [{"description": "Grant not renewed", "likelihood": "medium", "impact": "high",
                                    "mitigation": "Bid early", "owner": "stroud-district-council"}],
                         "sara": {"scanning": "Complaints in the town centre", "analysis": null, "response": null, "assessment": null},
                         "indicators": ["ASB-INCIDENTS"]}""")
                .when()
                .post("/api/initiatives")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/initiatives/P1-10"))
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Street drinking patrols <b>pilot</b>"))
                .body("leadPartner", equalTo("stroud-district-council"))
                .body("leadPartnerName", equalTo("Stroud District Council"))
                .body("supportingPartnerNames", equalTo(List.of("Gloucestershire Police")))
                .body("risks[0].ownerName", equalTo("Stroud District Council"))
                .body("priorityTitle", containsString("ASB"))
                .body("risks[0].likelihood", equalTo("medium"))
                .body("sara.scanning", equalTo("Complaints in the town centre"));
        as("coordinator")
                .body(
                        "{\"id\": \"P1-10\", \"priority\": 1, \"title\": \"again\", \"start\": \"2024-04-01\", \"due\": \"2025-03-31\"}")
                .when()
                .post("/api/initiatives")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        as("coordinator")
                .contentType(MERGE_PATCH)
                .body("{\"title\": \"Street drinking patrols\", \"sara\": null, \"funding\": \"Council budget\"}")
                .when()
                .patch("/api/initiatives/P1-10")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"title\": \"Street drinking patrols\", \"sara\": null, \"funding\": \"Council budget\"}")
                .when()
                .patch("/api/initiatives/P1-10")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("Street drinking patrols"))
                .body("sara", nullValue())
                .body("funding", equalTo("Council budget"))
                .body("resources", equalTo("Two wardens"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body("{\"title\": \"stale\"}")
                .when()
                .patch("/api/initiatives/P1-10")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:precondition-failed"));

        Api.get(Tokens.user("viewer"), "/api/initiatives/P1-10/history")
                .statusCode(200)
                .body("type", equalTo(List.of("plan.initiative.defined.v2", "plan.initiative.amended.v1")))
                .body("[1].actor.client", equalTo("csp-cli"))
                .body("[1].actor.subject", not(nullValue()))
                .body(
                        "[1].changes.field",
                        equalTo(List.of("/definition/funding", "/definition/sara", "/definition/title")))
                .body("[1].changes[2].from", equalTo("Street drinking patrols <b>pilot</b>"));

        as("coordinator")
                .header("If-Match", "\"2\"")
                .body("{\"reason\": \"\"}")
                .when()
                .post("/api/initiatives/P1-10/retire")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        as("coordinator")
                .header("If-Match", "\"2\"")
                .body("{\"reason\": \"Folded into P1-06\"}")
                .when()
                .post("/api/initiatives/P1-10/retire")
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        Api.get(Tokens.user("viewer"), "/api/initiatives").body("id", not(hasItem("P1-10")));
        Api.get(Tokens.user("viewer"), "/api/initiatives?includeRetired=true").body("id", hasItem("P1-10"));
        as("coordinator")
                .body("{\"quarter\": \"2024/25 Q1\", \"status\": \"on-track\", \"rag\": \"green\"}")
                .when()
                .post("/api/initiatives/P1-10/progress")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:csp:problem:retired"));
    }

    @Test
    void anAmendmentIsValidatedWholeAndRefusedWithoutStoringAnything() {
        long before = Db.events("stroud:initiative:P3-02");
        String etag = etag("/api/initiatives/P3-02");
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(
                        "{\"leadPartner\": \"nobody\", \"objectives\": [\"P1-O1\"], \"indicators\": [\"NOT-A-PLAN-CODE\"]}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("objectives[0]"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"leadPartner\": \"nobody\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("leadPartner"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"indicators\": [\"NOT-A-PLAN-CODE\"]}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("indicators[0]"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"due\": \"2020-01-01\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("due"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"priority\": \"3\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"priority\": 1e309}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400);
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"colour\": \"red\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"id\": \"P3-99\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("id"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\\u0000b\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\\ud800b\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\", \"title\": \"b\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400);
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"} {}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400);
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("[1]")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(400);
        as("coordinator")
                .contentType(ContentType.TEXT)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        as("lead")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("viewer")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(403);
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"}")
                .when()
                .patch("/api/initiatives/P9-99")
                .then()
                .statusCode(404);
        assertEquals(before, Db.events("stroud:initiative:P3-02"));
    }

    @Test
    void initiativesAreFilteredByPriorityLeadStatusRagAndOverdue() {
        Api.get(Tokens.user("viewer"), "/api/initiatives?priority=2")
                .statusCode(200)
                .body("", hasSize(8))
                .body("priority", everyItem(equalTo(2)));
        for (String id : List.of("P3-06", "P3-07")) {
            as("coordinator")
                    .contentType(MERGE_PATCH)
                    .header("If-Match", etag("/api/initiatives/" + id))
                    .body("{\"due\": \"2027-03-31\"}")
                    .when()
                    .patch("/api/initiatives/" + id)
                    .then()
                    .statusCode(200);
        }
        as("coordinator")
                .body(
                        "{\"quarter\": \"2025/26 Q2\", \"status\": \"off-track\", \"rag\": \"red\", \"commentary\": \"No staff\"}")
                .when()
                .post("/api/initiatives/P3-06/progress")
                .then()
                .statusCode(200);
        Api.get(Tokens.user("viewer"), "/api/initiatives?rag=red&status=off-track")
                .statusCode(200)
                .body("id", hasItem("P3-06"))
                .body("rag", everyItem(equalTo("red")));
        // not past due: overdue only when the quarter under review has no progress
        Api.get(Tokens.user("viewer"), "/api/initiatives?overdue=true&quarter=2025/26 Q2&priority=3")
                .statusCode(200)
                .body("id", not(hasItem("P3-06")))
                .body("id", hasItem("P3-07"));
        Api.get(Tokens.user("viewer"), "/api/initiatives?overdue=false&quarter=2025/26 Q2&priority=3")
                .statusCode(200)
                .body("id", equalTo(List.of("P3-06")));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag("/api/initiatives/P5-04"))
                .body("{\"leadPartner\": \"gloucestershire-trading-standards\", \"due\": \"2024-03-31\"}")
                .when()
                .patch("/api/initiatives/P5-04")
                .then()
                .statusCode(200);
        Api.get(Tokens.user("viewer"), "/api/initiatives?lead=gloucestershire-trading-standards")
                .statusCode(200)
                .body("id", equalTo(List.of("P5-04")))
                .body("[0].overdue", equalTo(true))
                .body("[0].leadPartnerName", equalTo("Gloucestershire Trading Standards"));
        Api.get(Tokens.user("viewer"), "/api/initiatives?status=great")
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void prioritiesObjectivesAndOrganisationsHaveTheSameLifecycle() {
        as("coordinator")
                .body("{\"id\": \"stroud-town-council\", \"name\": \"Stroud Town Council\", \"kind\": \"other\"}")
                .when()
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/organisations/stroud-town-council"));
        as("coordinator")
                .body("{\"id\": \"x-org\", \"name\": \"X\", \"kind\": \"friend\"}")
                .when()
                .post("/api/organisations")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        as("coordinator")
                .body("""
                        {"number": 6, "title": "Rural crime", "why": "Farm thefts", "leadOrganisation": "stroud-town-council",
                         "measures": [{"text": "Fewer farm thefts", "indicators": ["RURAL-THEFTS"]}]}""")
                .when()
                .post("/api/priorities")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/priorities/6"))
                .body("title", equalTo("Rural crime"))
                .body("leadOrganisation", equalTo("stroud-town-council"))
                .body("leadOrganisationName", equalTo("Stroud Town Council"))
                .body("measures[0].indicators", equalTo(List.of("RURAL-THEFTS")));
        as("coordinator")
                .body("{\"id\": \"P6-O1\", \"priority\": 6, \"text\": \"Reduce farm thefts\"}")
                .when()
                .post("/api/objectives")
                .then()
                .statusCode(201);
        as("coordinator")
                .body("{\"id\": \"P6-O2\", \"priority\": 7, \"text\": \"No such priority\"}")
                .when()
                .post("/api/objectives")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("priority"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag("/api/priorities/6"))
                .body("{\"title\": \"Rural and wildlife crime\"}")
                .when()
                .patch("/api/priorities/6")
                .then()
                .statusCode(200)
                .body("title", equalTo("Rural and wildlife crime"))
                .body("why", equalTo("Farm thefts"));
        as("coordinator")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag("/api/organisations/stroud-town-council"))
                .body("{\"name\": \"Stroud Town Council (clerk)\"}")
                .when()
                .patch("/api/organisations/stroud-town-council")
                .then()
                .statusCode(200)
                .body("name", equalTo("Stroud Town Council (clerk)"));
        Api.get(Tokens.user("viewer"), "/api/objectives?priority=6")
                .statusCode(200)
                .body("id", equalTo(List.of("P6-O1")));
        as("coordinator")
                .header("If-Match", etag("/api/objectives/P6-O1"))
                .body("{\"reason\": \"Priority withdrawn\"}")
                .when()
                .post("/api/objectives/P6-O1/retire")
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        as("coordinator")
                .header("If-Match", etag("/api/priorities/6"))
                .body("{\"reason\": \"Not agreed by the partnership\"}")
                .when()
                .post("/api/priorities/6/retire")
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        Api.get(Tokens.user("viewer"), "/api/priorities").body("number", equalTo(List.of(1, 2, 3, 4, 5)));
        Api.get(Tokens.user("viewer"), "/api/priorities/6/history")
                .body(
                        "type",
                        equalTo(List.of(
                                "plan.priority.defined.v1", "plan.priority.amended.v1", "plan.priority.retired.v1")));
        as("lead")
                .body("{\"number\": 7, \"title\": \"x\"}")
                .when()
                .post("/api/priorities")
                .then()
                .statusCode(403);
        as("coordinator")
                .body("{\"number\": 1, \"title\": \"Duplicate\"}")
                .when()
                .post("/api/priorities")
                .then()
                .statusCode(409);
    }
}
