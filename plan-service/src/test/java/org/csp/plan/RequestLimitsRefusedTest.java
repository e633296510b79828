package org.csp.plan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.plan.actionplan.PlanFile;
import org.csp.plan.element.Elements;
import org.csp.plan.initiative.InitiativeRequest;
import org.csp.plan.priority.Priorities;
import org.csp.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request one past a documented limit (a list one entry longer, a text one character longer) is a 422 problem naming
 * the field, and nothing is stored: limits that were not checked before.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class RequestLimitsRefusedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code count} quoted ids: P-1, P-2 … */
    private static String ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "\"P-" + i + "\"").collect(Collectors.joining(","));
    }

    static Stream<Arguments> oneTooMany() throws IOException {
        ObjectNode plan;
        try (InputStream in = RequestLimitsRefusedTest.class
                .getClassLoader()
                .getResourceAsStream("seed/stroud-district-2023-2026.json")) {
            plan = (ObjectNode) JSON.readTree(in);
        }
        ArrayNode notes = plan.putArray("notes");
        IntStream.rangeClosed(0, PlanFile.MAX_NOTES).forEach(i -> notes.add("Note " + i));
        String quarter = " 2024/25 Q2"; // stripped, a quarter; but one character more than a quarter has
        return Stream.of(
                Arguments.of(
                        "PATCH",
                        "/api/initiatives/P1-03",
                        "supportingPartners",
                        "{\"supportingPartners\": [" + ids(InitiativeRequest.MAX_PARTNERS + 1) + "]}"),
                Arguments.of(
                        "PATCH",
                        "/api/initiatives/P1-03",
                        "objectives",
                        "{\"objectives\": [" + ids(InitiativeRequest.MAX_OBJECTIVES + 1) + "]}"),
                Arguments.of(
                        "POST",
                        "/api/initiatives/P1-03/progress",
                        "quarter",
                        "{\"quarter\": \"" + quarter + "\", \"status\": \"on-track\", \"rag\": \"green\"}"),
                Arguments.of(
                        "PUT",
                        "/api/priority-leads/limits-lead",
                        "priorities",
                        "{\"priorities\": ["
                                + IntStream.rangeClosed(0, Priorities.MAX_NUMBER)
                                        .mapToObj(i -> "1")
                                        .collect(Collectors.joining(","))
                                + "]}"),
                Arguments.of(
                        "PUT",
                        "/api/reviews/2024-25-Q2/reports/1",
                        "initiatives[0].initiativeId",
                        "{\"summary\": \"On track\", \"initiatives\": [{\"initiativeId\": \""
                                + "P".repeat(Elements.MAX_ID + 1)
                                + "\", \"status\": \"on-track\", \"rag\": \"green\"}]}"),
                Arguments.of("POST", "/api/plans/import", "notes", plan.toString()));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("oneTooMany")
    void onePastTheLimitIsRefusedNamingTheFieldAndStoresNothing(String method, String path, String field, String body) {
        long before = Db.events("stroud:");
        String version = method.equals("PATCH")
                ? Api.get(Tokens.user("viewer"), path).statusCode(200).extract().header("ETag")
                : "1";
        Api.as(Tokens.user("coordinator"))
                .contentType(method.equals("PATCH") ? Api.MERGE_PATCH : "application/json")
                .header("If-Match", version)
                .body(body)
                .when()
                .request(method, path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("at most"));
        assertEquals(before, Db.events("stroud:"), "nothing was stored");
    }
}
