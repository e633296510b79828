package org.csp.gateway.limits;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A test-only endpoint that needs no token, standing for the public endpoints to come ({@code /api/public/**}): what
 * the rate limit does with a request without a token.
 */
@Path("/test/open")
@PermitAll
public class OpenProbe {

    @GET
    public String open() {
        return "open";
    }
}
