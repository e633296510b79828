package org.csp.gateway.security;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.csp.gateway.routing.StubbedRoutes;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * CORS for the web frontend's origins only: a preflight from one of them is allowed the headers the API reads, and
 * an answer shows it the headers a script needs; any other origin gets no CORS header at all (a preflight from it is a
 * 403 problem, its request is answered as if no browser had sent it).
 */
@QuarkusTest
@TestProfile(StubbedRoutes.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class CorsTest {

    private static final String HEADERS = "authorization,content-type,if-match,if-none-match,idempotency-key";

    @Test
    void aPreflightFromTheFrontendIsAllowedTheApisHeaders() {
        for (String origin : new String[] {"http://localhost:8084", "http://127.0.0.1:8084"}) {
            var preflight = Api.utf8()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "PATCH")
                    .header("Access-Control-Request-Headers", HEADERS)
                    .when()
                    .options("/api/initiatives/P1-04")
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Allow-Methods", containsStringIgnoringCase("PATCH"));
            for (String header : HEADERS.split(",")) {
                preflight.header("Access-Control-Allow-Headers", containsStringIgnoringCase(header));
            }
            var answer = Api.as(Tokens.user("coordinator"))
                    .header("Origin", origin)
                    .get("/api/initiatives/P1-04")
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(origin));
            for (String exposed : new String[] {"ETag", "Location", "Retry-After"}) {
                answer.header("Access-Control-Expose-Headers", containsStringIgnoringCase(exposed));
            }
        }
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        for (String origin : new String[] {"http://localhost:8085", "https://127.0.0.1:8084", "http://evil.example"}) {
            Api.utf8()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .when()
                    .options("/api/initiatives")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:csp:problem:origin-not-allowed"))
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Methods", nullValue())
                    .header("Access-Control-Allow-Headers", nullValue());
            Api.as(Tokens.user("coordinator"))
                    .header("Origin", origin)
                    .get("/api/initiatives")
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Expose-Headers", nullValue());
        }
    }
}
