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
import io.restassured.response.ValidatableResponse;
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

    private static String etag(String path) {
        return Api.get(Tokens.user("viewer"), path).statusCode(200).extract().header("ETag");
    }

    /** A coordinator's merge patch of initiative P3-02, answered with {@code status}. */
    /** The coordinator merges {@code patch} into {@code path}, on its current ETag. */
    private static ValidatableResponse amend(String path, String patch) {
        return Api.mergePatch(Tokens.user("coordinator"), path, patch, etag(path));
    }

    /** The coordinator retires {@code path} with {@code body} (its reason), on its current ETag. */
    private static ValidatableResponse retire(String path, String body) {
        return Api.postIfMatch(Tokens.user("coordinator"), path + "/retire", body, etag(path));
    }

    private static ValidatableResponse refused(String patch, String etag, int status) {
        return Api.mergePatch(Tokens.user("coordinator"), "/api/initiatives/P3-02", patch, etag)
                .statusCode(status);
    }

    @Test
    void anInitiativeIsCreatedAmendedWithAMergePatchAndRetired() {
        Api.post(Tokens.user("coordinator"), "/api/initiatives", """
                        {"id": "P1-10", "priority": 1, "objectives": ["P1-O1"], "title": "Street drinking patrols <b>pilot</b>",
                         "leadPartner": "stroud-district-council", "supportingPartners": ["gloucestershire-constabulary"],
                         "start": "2024-04-01", "due": "2025-03-31", "resources": "Two wardens", "funding": "PCC grant",
                         "risks": [{"description": "Grant not renewed", "likelihood": "medium", "impact": "high",
                                    "mitigation": "Bid early", "owner": "stroud-district-council"}],
                         "sara": {"scanning": "Complaints in the town centre", "analysis": null, "response": null, "assessment": null},
                         "indicators": ["ASB-INCIDENTS"]}""")
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
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/initiatives",
                        "{\"id\": \"P1-10\", \"priority\": 1, \"title\": \"again\", \"start\": \"2024-04-01\", \"due\": \"2025-03-31\"}")
                .statusCode(409)
                .contentType("application/problem+json");

        Api.as(Tokens.user("coordinator"))
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"Street drinking patrols\", \"sara\": null, \"funding\": \"Council budget\"}")
                .when()
                .patch("/api/initiatives/P1-10")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        Api.mergePatch(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P1-10",
                        "{\"title\": \"Street drinking patrols\", \"sara\": null, \"funding\": \"Council budget\"}",
                        "\"1\"")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("Street drinking patrols"))
                .body("sara", nullValue())
                .body("funding", equalTo("Council budget"))
                .body("resources", equalTo("Two wardens"));
        Api.mergePatch(Tokens.user("coordinator"), "/api/initiatives/P1-10", "{\"title\": \"stale\"}", "\"1\"")
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

        Api.postIfMatch(Tokens.user("coordinator"), "/api/initiatives/P1-10/retire", "{\"reason\": \"\"}", "\"2\"")
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.postIfMatch(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P1-10/retire",
                        "{\"reason\": \"Folded into P1-06\"}",
                        "\"2\"")
                .statusCode(200)
                .body("retired", equalTo(true));
        Api.get(Tokens.user("viewer"), "/api/initiatives").body("id", not(hasItem("P1-10")));
        Api.get(Tokens.user("viewer"), "/api/initiatives?includeRetired=true").body("id", hasItem("P1-10"));
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P1-10/progress",
                        "{\"quarter\": \"2024/25 Q1\", \"status\": \"on-track\", \"rag\": \"green\"}")
                .statusCode(409)
                .body("type", equalTo("urn:csp:problem:retired"));
    }

    @Test
    void anAmendmentIsValidatedWholeAndRefusedWithoutStoringAnything() {
        long before = Db.events("stroud:initiative:P3-02");
        String etag = etag("/api/initiatives/P3-02");
        refused(
                        "{\"leadPartner\": \"nobody\", \"objectives\": [\"P1-O1\"], \"indicators\": [\"NOT-A-PLAN-CODE\"]}",
                        etag,
                        422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("objectives[0]"));
        refused("{\"leadPartner\": \"nobody\"}", etag, 422).body("errors[0].field", equalTo("leadPartner"));
        refused("{\"indicators\": [\"NOT-A-PLAN-CODE\"]}", etag, 422).body("errors[0].field", equalTo("indicators[0]"));
        refused("{\"due\": \"2020-01-01\"}", etag, 422).body("errors[0].field", equalTo("due"));
        refused("{\"priority\": \"3\"}", etag, 400).body("errors[0].field", equalTo("priority"));
        refused("{\"priority\": 1e309}", etag, 400);
        refused("{\"colour\": \"red\"}", etag, 400).body("errors[0].field", equalTo("colour"));
        refused("{\"id\": \"P3-99\"}", etag, 422).body("errors[0].field", equalTo("id"));
        refused("{\"title\": \"a\\u0000b\"}", etag, 422).body("errors[0].field", equalTo("title"));
        refused("{\"title\": \"a\\ud800b\"}", etag, 422).body("errors[0].field", equalTo("title"));
        refused("{\"title\": \"a\", \"title\": \"b\"}", etag, 400);
        refused("{\"title\": \"a\"} {}", etag, 400);
        refused("[1]", etag, 400);
        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.TEXT)
                .header("If-Match", etag)
                .body("{\"title\": \"a\"}")
                .when()
                .patch("/api/initiatives/P3-02")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        Api.mergePatch(Tokens.user("lead"), "/api/initiatives/P3-02", "{\"title\": \"a\"}", etag)
                .statusCode(403)
                .contentType("application/problem+json");
        Api.mergePatch(Tokens.user("viewer"), "/api/initiatives/P3-02", "{\"title\": \"a\"}", etag)
                .statusCode(403);
        Api.mergePatch(Tokens.user("coordinator"), "/api/initiatives/P9-99", "{\"title\": \"a\"}", etag)
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
            Api.mergePatch(
                            Tokens.user("coordinator"),
                            "/api/initiatives/" + id,
                            "{\"due\": \"2027-03-31\"}",
                            etag("/api/initiatives/" + id))
                    .statusCode(200);
        }
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P3-06/progress",
                        "{\"quarter\": \"2025/26 Q2\", \"status\": \"off-track\", \"rag\": \"red\", \"commentary\": \"No staff\"}")
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
        amend(
                        "/api/initiatives/P5-04",
                        "{\"leadPartner\": \"gloucestershire-trading-standards\", \"due\": \"2024-03-31\"}")
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
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/organisations",
                        "{\"id\": \"stroud-town-council\", \"name\": \"Stroud Town Council\", \"kind\": \"other\"}")
                .statusCode(201)
                .header("Location", equalTo("/api/organisations/stroud-town-council"));
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/organisations",
                        "{\"id\": \"x-org\", \"name\": \"X\", \"kind\": \"friend\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        Api.post(Tokens.user("coordinator"), "/api/priorities", """
                        {"number": 6, "title": "Rural crime", "why": "Farm thefts", "leadOrganisation": "stroud-town-council",
                         "measures": [{"text": "Fewer farm thefts", "indicators": ["RURAL-THEFTS"]}]}""")
                .statusCode(201)
                .header("Location", equalTo("/api/priorities/6"))
                .body("title", equalTo("Rural crime"))
                .body("leadOrganisation", equalTo("stroud-town-council"))
                .body("leadOrganisationName", equalTo("Stroud Town Council"))
                .body("measures[0].indicators", equalTo(List.of("RURAL-THEFTS")));
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/objectives",
                        "{\"id\": \"P6-O1\", \"priority\": 6, \"text\": \"Reduce farm thefts\"}")
                .statusCode(201);
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/objectives",
                        "{\"id\": \"P6-O2\", \"priority\": 7, \"text\": \"No such priority\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("priority"));
        amend("/api/priorities/6", "{\"title\": \"Rural and wildlife crime\"}")
                .statusCode(200)
                .body("title", equalTo("Rural and wildlife crime"))
                .body("why", equalTo("Farm thefts"));
        amend("/api/organisations/stroud-town-council", "{\"name\": \"Stroud Town Council (clerk)\"}")
                .statusCode(200)
                .body("name", equalTo("Stroud Town Council (clerk)"));
        Api.get(Tokens.user("viewer"), "/api/objectives?priority=6")
                .statusCode(200)
                .body("id", equalTo(List.of("P6-O1")));
        retire("/api/objectives/P6-O1", "{\"reason\": \"Priority withdrawn\"}")
                .statusCode(200)
                .body("retired", equalTo(true));
        retire("/api/priorities/6", "{\"reason\": \"Not agreed by the partnership\"}")
                .statusCode(200)
                .body("retired", equalTo(true));
        Api.get(Tokens.user("viewer"), "/api/priorities").body("number", equalTo(List.of(1, 2, 3, 4, 5)));
        Api.get(Tokens.user("viewer"), "/api/priorities/6/history")
                .body(
                        "type",
                        equalTo(List.of(
                                "plan.priority.defined.v1", "plan.priority.amended.v1", "plan.priority.retired.v1")));
        Api.post(Tokens.user("lead"), "/api/priorities", "{\"number\": 7, \"title\": \"x\"}")
                .statusCode(403);
        Api.post(Tokens.user("coordinator"), "/api/priorities", "{\"number\": 1, \"title\": \"Duplicate\"}")
                .statusCode(409);
    }
}
