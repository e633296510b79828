package org.csp.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.csp.infrastructure.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway refuses a request without a valid token itself, as a 401 problem that keeps the challenge, both for
 * its own view and for the routes it would forward (nothing is forwarded: the routes lead to a closed port here).
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class UnauthorizedTest {

    private static final String[] NO_OR_BAD_TOKENS = {null, "not-a-token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"};

    @Test
    void theQuarterlyViewNeedsAValidToken() {
        for (String token : NO_OR_BAD_TOKENS) {
            var request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            assertProblem(request.when().get("/api/views/quarterly/2024-25-Q2").then(), "/api/views/quarterly/2024-25-Q2");
        }
    }

    @Test
    void forwardedRoutesNeedAValidToken() {
        for (String token : NO_OR_BAD_TOKENS) {
            var request = given().contentType(ContentType.JSON).body("{\"quarter\": \"2024/25 Q2\"}");
            if (token != null) {
                request.auth().oauth2(token);
            }
            assertProblem(request.when().post("/api/initiatives/P1-01/progress").then(), "/api/initiatives/P1-01/progress");
        }
    }

    private static void assertProblem(io.restassured.response.ValidatableResponse response, String path) {
        response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:csp:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"))
                .body("instance", equalTo(path))
                .body(not(containsString("Exception")));
    }
}
