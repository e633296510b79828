package org.csp.gateway.limits;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.csp.gateway.routing.StubServices;
import org.csp.gateway.routing.StubbedRoutes;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * With a limit of a few requests an hour (so that nothing refills while the test runs), the request after the limit
 * is a 429 problem with {@code Retry-After}, before it reaches a service; another client, and a caller without a
 * token, each have their own limit.
 */
@QuarkusTest
@TestProfile(RateLimitTest.FewRequests.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RateLimitTest {

    static final int CLIENT_LIMIT = 3;
    static final int ANONYMOUS_LIMIT = 2;

    public static class FewRequests extends StubbedRoutes {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "csp.gateway.rate-limit.client-requests",
                    Integer.toString(CLIENT_LIMIT),
                    "csp.gateway.rate-limit.client-period",
                    "1h",
                    "csp.gateway.rate-limit.anonymous-requests",
                    Integer.toString(ANONYMOUS_LIMIT),
                    "csp.gateway.rate-limit.anonymous-period",
                    "1h");
        }
    }

    private static void assertLimited(Response response, long hourInSeconds) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:rate-limited"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= hourInSeconds, "Retry-After " + retryAfter);
    }

    @Test
    void theRequestAfterAClientsLimitIsA429WithRetryAfterAndOtherClientsGoOn() {
        String police = Tokens.client("police-gloucestershire");
        String path = "/api/data-points/latest?partnership=stroud";
        for (int i = 0; i < CLIENT_LIMIT; i++) {
            Api.as(police).get(path).then().statusCode(200);
        }
        long before = StubServices.received();
        Response over = Api.as(police).get(path);
        assertLimited(over, 3600);
        assertEquals(before, StubServices.received(), "a limited request reaches no service");

        String council = Tokens.client("stroud-district-council");
        Api.as(council).get(path).then().statusCode(200);
        assertEquals(before + 1, StubServices.received(), "another client is not limited");
    }

    /**
     * Everyone signed in through the web frontend (one client, {@code csp-web}; here {@code csp-cli}) counts on their
     * own: one busy person does not stop the others.
     */
    @Test
    void eachPersonOfOneClientHasTheirOwnLimit() {
        String coordinator = Tokens.user("coordinator");
        String path = "/api/data-points/latest?partnership=stroud";
        for (int i = 0; i < CLIENT_LIMIT; i++) {
            Api.as(coordinator).get(path).then().statusCode(200);
        }
        assertLimited(Api.as(coordinator).get(path), 3600);
        long before = StubServices.received();
        Api.as(Tokens.user("viewer")).get(path).then().statusCode(200);
        assertEquals(before + 1, StubServices.received(), "another person of the same client is not limited");
    }

    @Test
    void requestsWithoutATokenAreLimitedByTheirAddress() {
        for (int i = 0; i < ANONYMOUS_LIMIT; i++) {
            Api.utf8().get("/test/open").then().statusCode(200).body(equalTo("open"));
        }
        assertLimited(Api.utf8().get("/test/open"), 3600);
        // a token-less request to the API is still refused for its missing token first
        Api.utf8().get("/api/initiatives").then().statusCode(401);
    }
}
