package org.csp.gateway.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.csp.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request to the gateway's API counts against its caller's rate limit ({@link RateLimits}): a request with a
 * token against the token's client ({@code azp}), one without against its remote address. Over the limit it is a 429
 * problem ({@code urn:csp:problem:rate-limited}) with {@code Retry-After} in whole seconds, before its body is read or
 * anything is forwarded. The token was checked before this filter runs, so a forged token counts against no client.
 */
public class RateLimitFilter {

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public Response limit(RoutingContext context, UriInfo uri) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return limits.refusal(RateLimits.caller(context, identity), uri.getPath())
                .map(refusal -> Response.status(429)
                        .type(Problem.MEDIA_TYPE)
                        .header("Retry-After", refusal.retryAfterSeconds())
                        .entity(refusal.problem())
                        .build())
                .orElse(null);
    }
}
