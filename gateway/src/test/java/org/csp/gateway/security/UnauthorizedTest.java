package org.csp.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.testing.Unauthorized;
import org.junit.jupiter.api.Test;

/**
 * The gateway refuses a request without a valid token itself, as a 401 problem that keeps the challenge, both for
 * its own view and for the routes it would forward (nothing is forwarded: the routes lead to a closed port here).
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class UnauthorizedTest {

    @Test
    void theGatewaysOwnEndpointsNeedAValidToken() {
        Unauthorized.assertRefused("GET", "/api/views/quarterly/2024-25-Q2");
        Unauthorized.assertRefused("GET", "/api/admin/projections/status");
        Unauthorized.assertRefused("POST", "/api/admin/projections/rebuild");
        Unauthorized.assertRefused("GET", "/api/admin/projections/quarterly/status");
        Unauthorized.assertRefused("POST", "/api/admin/projections/quarterly/rebuild");
        Unauthorized.assertRefused("GET", "/api/admin/projections/quarterly/parked");
        Unauthorized.assertRefused("POST", "/api/admin/projections/quarterly/parked/1/discard", "{\"reason\": \"r\"}");
        Unauthorized.assertRefused("POST", "/api/admin/projections/quarterly/gaps/1/skip", "{\"reason\": \"r\"}");
    }

    @Test
    void forwardedRoutesNeedAValidToken() {
        Unauthorized.assertRefused("POST", "/api/initiatives/P1-01/progress", "{\"quarter\": \"2024/25 Q2\"}");
        Unauthorized.assertRefused("GET", "/api/admin/projections/derived/status");
        Unauthorized.assertRefused("POST", "/api/admin/projections/derived/rebuild");
        Unauthorized.assertRefused("GET", "/api/admin/relay/engagement/refused");
        Unauthorized.assertRefused("POST", "/api/admin/relay/plan/refused/1/republish", "{\"reason\": \"r\"}");
    }
}
