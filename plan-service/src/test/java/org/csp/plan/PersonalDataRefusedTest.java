package org.csp.plan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * plan-service's free text (progress commentary, the initiative template's resources, funding, risks and SARA, a
 * retirement's reason) is checked for personal data as engagement-service's is: a telephone number, e-mail address
 * or full postcode is a 422 naming the field, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PersonalDataRefusedTest {

    private static final String INITIATIVE = "/api/initiatives/P1-03";

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST  | /progress | commentary              | {"quarter": "2024/25 Q2", "status": "on-track", "rag": "green", "commentary": "Ring 07700 900123 for the rota"}
            PATCH |           | resources               | {"resources": "Two officers; contact jane.doe@example.org"}
            PATCH |           | funding                 | {"funding": "Cheques to the treasurer at GL5 4UB"}
            PATCH |           | sara.scanning           | {"sara": {"scanning": "Complaints from the resident on 01453 766321"}}
            PATCH |           | risks[0].description    | {"risks": [{"description": "Key holder at GL5 4UB unavailable", "likelihood": "low", "impact": "low"}]}
            PATCH |           | risks[0].mitigation     | {"risks": [{"description": "Venue unavailable", "likelihood": "low", "impact": "low", "mitigation": "Ask j.doe (at) example.co.uk"}]}
            PATCH |           | risks[0].owner          | {"risks": [{"description": "Venue unavailable", "likelihood": "low", "impact": "low", "owner": "07700 900123"}]}
            POST  | /retire   | reason                  | {"reason": "Lead moved away; post to GL11 4NR"}
            """)
    void personalDataInFreeTextIsRefusedNamingTheFieldAndChangesNothing(
            String method, String path, String field, String body) {
        String version = version();
        Api.as(Tokens.user("coordinator"))
                .contentType(method.equals("PATCH") ? "application/merge-patch+json" : ContentType.JSON.toString())
                .header("If-Match", version)
                .body(body)
                .when()
                .request(method, INITIATIVE + (path == null ? "" : path))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString("personal data"));
        assertEquals(version, version(), "nothing was stored");
    }

    private static String version() {
        return Api.get(Tokens.user("viewer"), INITIATIVE)
                .statusCode(200)
                .body("id", equalTo("P1-03"))
                .extract()
                .header("ETag");
    }
}
