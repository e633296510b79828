package org.csp.plan.actionplan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.plan.Db;
import org.csp.plan.seed.PlanSeed;
import org.csp.testing.Api;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PlanSeed planSeed;

    private static final String STROUD = "stroud-2023-2026";

    private static String seed() {
        try (InputStream in =
                PlanResourceTest.class.getClassLoader().getResourceAsStream("seed/stroud-district-2023-2026.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small plan of another district, in the same file format; {@code %s} are the parts a test changes. */
    private static String cheltenhamPlan(String vision, String initiatives, String objectiveText) {
        return """
                {"format": "csp-plan/2", "source": "Cheltenham test plan", "notes": ["Test plan"],
                 "partnership": {"id": "cheltenham", "name": "Cheltenham CSP", "gss": "E07000078"},
                 "defaults": {"initiativeStart": "2024-04-01", "initiativeDue": "2027-03-31"},
                 "organisations": [
                   {"id": "gloucestershire-constabulary", "name": "Gloucestershire Police", "kind": "responsible-authority"},
                   {"id": "cheltenham-borough-council", "name": "Cheltenham Borough Council", "kind": "responsible-authority"}],
                 "plan": {"id": "cheltenham-2024-2027", "title": "Cheltenham Community Safety Plan 2024 – 2027",
                   "start": "2024-04-01", "end": "2027-03-31", "vision": "%s", "overarchingAim": "Work together",
                   "principles": [], "crossCuttingThemes": [], "keyResponsibilities": [], "countyArrangements": null,
                   "responsibleAuthorities": ["gloucestershire-constabulary", "cheltenham-borough-council"], "coOptedMembers": []},
                 "priorities": [
                   {"number": 1, "title": "Reduce anti-social behaviour", "statement": null, "why": "Residents told us",
                    "leadOrganisation": "cheltenham-borough-council", "subGroup": null,
                    "measures": [{"text": "Fewer ASB incidents", "indicators": ["ASB-INCIDENTS"]}],
                    "objectives": [{"id": "C1-O1", "text": "%s"}],
                    "initiatives": [%s]},
                   {"number": 2, "title": "Tackle serious violence", "statement": null, "why": null,
                    "leadOrganisation": null, "subGroup": null, "measures": [], "objectives": [],
                    "initiatives": [{"id": "C2-01", "title": "Adopt the county strategy"}]}]}""".formatted(vision, objectiveText, initiatives);
    }

    private static final String INITIATIVES_A = """
            {"id": "C1-01", "title": "Town centre patrols", "objectives": ["C1-O1"], "leadPartner": "gloucestershire-constabulary",
             "indicators": ["ASB-INCIDENTS"]},
            {"id": "C1-02", "title": "Youth outreach"}""";
    private static final String INITIATIVES_B = """
            {"id": "C1-01", "title": "Town centre and park patrols", "objectives": ["C1-O1"], "leadPartner": "gloucestershire-constabulary",
             "indicators": ["ASB-INCIDENTS"]},
            {"id": "C1-03", "title": "Street marshals at night"}""";

    private static Response importPlan(String user, String file) {
        return Api.json(Tokens.user(user), file).when().post("/api/plans/import");
    }

    @Test
    void theWholeStroudPlanIsLoadedWithItsFivePriorities() throws IOException {
        JsonNode file = JSON.readTree(seed());
        List<String> titles = new ArrayList<>();
        file.get("priorities").forEach(p -> titles.add(p.get("title").asText()));
        assertEquals(5, titles.size());

        Response tree = Api.as(Tokens.user("viewer")).when().get("/api/plans/" + STROUD);
        tree.then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(STROUD))
                .body("title", equalTo("Stroud District Community Safety Partnership Action Plan 2023 – 2026"))
                .body("start", equalTo("2023-04-01"))
                .body("end", equalTo("2026-03-31"))
                .body("vision", containsString("high quality of life for all"))
                .body("principles", hasSize(4))
                .body("crossCuttingThemes.title", hasItem("Substance misuse"))
                .body("keyResponsibilities", hasSize(9))
                .body("responsibleAuthorities", hasSize(7))
                .body("responsibleAuthorities.name", hasItem("Gloucestershire Police"))
                .body("coOptedMembers.name", hasItem("Victim Support"))
                .body("priorities.title", equalTo(titles))
                .body("priorities.number", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("priorities.collect { it.objectives.size() }", equalTo(List.of(5, 6, 5, 7, 6)))
                .body("priorities.collect { it.initiatives.size() }", equalTo(List.of(9, 8, 7, 6, 4)))
                .body("priorities[0].why", containsString("Anti-social Behaviour Crime and Policing Act 2014"))
                .body("priorities[0].initiatives[2].id", equalTo("P1-03"));
        String text = tree.asString();
        for (String content : List.of(
                "SOLACE",
                "mobile CCTV",
                "Channel",
                "County Lines",
                "community payback",
                "Challenge 25",
                "Domestic Homicide Reviews",
                "neighbourhood watch")) {
            assertTrue(text.contains(content), "the plan tree holds '" + content + "'");
        }
    }

    /** The plan's indicator codes per priority are exactly those of the measures-service catalogue. */
    @Test
    void thePlansIndicatorsAreTheCataloguesCodes() throws IOException {
        JsonNode catalogue = JSON.readTree(
                Files.readString(Path.of("../measures-service/src/main/resources/seed/stroud-indicators.json")));
        Map<Integer, Set<String>> expected = new TreeMap<>();
        catalogue
                .get("indicators")
                .forEach(i -> expected.computeIfAbsent(i.get("priority").asInt(), k -> new TreeSet<>())
                        .add(i.get("code").asText()));
        JsonNode tree = JSON.readTree(
                Api.as(Tokens.user("viewer")).when().get("/api/plans/" + STROUD).asString());
        Map<Integer, Set<String>> actual = new TreeMap<>();
        tree.get("priorities")
                .forEach(p -> p.get("indicators")
                        .forEach(code -> actual.computeIfAbsent(p.get("number").asInt(), k -> new TreeSet<>())
                                .add(code.asText())));
        assertEquals(expected, actual);
    }

    /**
     * A restart imports the shipped plan file again only if that file was never imported: nothing is stored, and
     * what the coordinator amended through the API since stays.
     */
    @Test
    void aRestartWithTheSamePlanFileChangesNothingAndKeepsAmendments() {
        String etag = Api.get(Tokens.user("viewer"), "/api/initiatives/P2-07")
                .extract()
                .header("ETag");
        Api.mergePatch(
                        Tokens.user("coordinator"),
                        "/api/initiatives/P2-07",
                        "{\"resources\": \"Two youth workers\"}",
                        etag)
                .statusCode(200);
        long before = Db.events("stroud:");
        planSeed.importPlans();
        assertEquals(before, Db.events("stroud:"), "no event stored");
        Api.get(Tokens.user("viewer"), "/api/initiatives/P2-07")
                .statusCode(200)
                .body("resources", equalTo("Two youth workers"));
        Api.get(Tokens.user("viewer"), "/api/plans/" + STROUD + "/revisions")
                .statusCode(200)
                .body("revision", equalTo(List.of(1)))
                .body("subject", equalTo(List.of("system")));
    }

    /**
     * Another district's plan is a file imported by its coordinator (no code change); a changed file records exactly
     * its differences as the next revision, and the previous revision stays readable. Runs before the other
     * Cheltenham imports of this class.
     */
    @Test
    @Order(1)
    void aChangedFileRecordsExactlyItsDifferencesAsTheNextRevision() {
        String first = cheltenhamPlan("Safe for all", INITIATIVES_A, "Fewer repeat victims");
        importPlan("cheltenham-coordinator", first)
                .then()
                .statusCode(200)
                .header("Location", containsString("/api/plans/cheltenham-2024-2027"))
                .body("revision", equalTo(1))
                .body("events.'plan.plan.revised.v1'", equalTo(1))
                .body("events.'plan.organisation.defined.v1'", equalTo(2))
                .body("events.'plan.priority.defined.v1'", equalTo(2))
                .body("events.'plan.objective.defined.v1'", equalTo(1))
                .body("events.'plan.initiative.defined.v2'", equalTo(3));
        long afterFirst = Db.events("cheltenham:");
        assertEquals(9, afterFirst);
        importPlan("cheltenham-coordinator", first)
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("revision", equalTo(1));
        assertEquals(afterFirst, Db.events("cheltenham:"));

        String second = cheltenhamPlan("Safe for all", INITIATIVES_B, "Fewer repeat victims of ASB");
        importPlan("cheltenham-coordinator", second)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body(
                        "events",
                        equalTo(Map.of(
                                "plan.plan.revised.v1",
                                1,
                                "plan.initiative.amended.v1",
                                1,
                                "plan.initiative.retired.v1",
                                1,
                                "plan.initiative.defined.v2",
                                1,
                                "plan.objective.amended.v1",
                                1)));
        assertEquals(afterFirst + 5, Db.events("cheltenham:"), "exactly five events for the differences");

        String now = Api.get(Tokens.user("cheltenham-coordinator"), "/api/plans/cheltenham-2024-2027")
                .statusCode(200)
                .body("revision", equalTo(2))
                .extract()
                .asString();
        assertTrue(now.contains("Town centre and park patrols")
                && now.contains("Street marshals")
                && !now.contains("Youth outreach"));
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/plans/cheltenham-2024-2027?revision=1")
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("priorities[0].initiatives.title", equalTo(List.of("Town centre patrols", "Youth outreach")))
                .body("priorities[0].objectives[0].text", equalTo("Fewer repeat victims"));
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/plans/cheltenham-2024-2027/revisions")
                .statusCode(200)
                .body("revision", equalTo(List.of(1, 2)))
                .body("client", hasItem("csp-cli"));
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/initiatives/C1-02/history")
                .statusCode(200)
                .body("type", equalTo(List.of("plan.initiative.defined.v2", "plan.initiative.retired.v1")));
    }

    @Test
    @Order(2)
    void aPartnershipNeverSeesAnothersPlan() {
        importPlan("cheltenham-coordinator", cheltenhamPlan("Safe for all", INITIATIVES_A, "Fewer repeat victims"))
                .then()
                .statusCode(200);
        Api.get(Tokens.user("coordinator"), "/api/plans?partnership=cheltenham")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:other-partnership"));
        Api.get(Tokens.user("coordinator"), "/api/plans/cheltenham-2024-2027").statusCode(404);
        importPlan("coordinator", cheltenhamPlan("Taken over", INITIATIVES_A, "x"))
                .then()
                .statusCode(403);
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/initiatives")
                .statusCode(200)
                .body("id", not(hasItem("P1-03")));
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/initiatives/P1-03").statusCode(404);
        Api.post(
                        Tokens.user("cheltenham-coordinator"),
                        "/api/initiatives/P1-03/progress?partnership=stroud",
                        "{\"quarter\": \"2024/25 Q2\", \"status\": \"on-track\", \"rag\": \"green\"}")
                .statusCode(403);
    }

    @Test
    void aBadPlanFileIsRefusedWithEveryProblemAndStoresNothing() {
        long before = Db.events("cheltenham:");
        String dangling = cheltenhamPlan("x", """
                {"id": "C1-09", "title": "Dangling", "objectives": ["C9-O9"], "leadPartner": "nobody", "indicators": ["NOT-IN-PLAN"]}""", "y")
                .replace("\"start\": \"2024-04-01\", \"end\"", "\"start\": \"2024-13-01\", \"end\"");
        importPlan("cheltenham-coordinator", dangling)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("plan.start"))
                .body("errors.field", hasItem("priorities[0].initiatives[0].objectives[0]"))
                .body("errors.field", hasItem("priorities[0].initiatives[0].indicators[0]"));
        importPlan(
                        "cheltenham-coordinator",
                        cheltenhamPlan("x", INITIATIVES_A, "y")
                                .replace("\"gloucestershire-constabulary\", \"chel", "\"nobody-at-all\", \"chel"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("plan.responsibleAuthorities[0]"));
        importPlan("cheltenham-coordinator", "{\"format\": \"csp-plan/2\", \"format\": \"csp-plan/2\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        importPlan("cheltenham-coordinator", cheltenhamPlan("x", INITIATIVES_A, "y") + " trailing")
                .then()
                .statusCode(400);
        importPlan(
                        "cheltenham-coordinator",
                        cheltenhamPlan("x", INITIATIVES_A, "y").replace("\"notes\"", "\"unknownField\": 1, \"notes\""))
                .then()
                .statusCode(400)
                .body("detail", containsString("unknownField"));
        importPlan("viewer", seed()).then().statusCode(403).contentType("application/problem+json");
        importPlan("cheltenham-coordinator", "{\"notes\": [\"" + "x".repeat(1_100_000) + "\"]}")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        Api.as(Tokens.user("coordinator"))
                .contentType(ContentType.TEXT)
                .body(seed())
                .when()
                .post("/api/plans/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertEquals(before, Db.events("cheltenham:"));
    }
}
