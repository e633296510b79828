package org.csp.gateway.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.csp.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
        OptionalLong wait = limits.tryTake(caller(context));
        if (wait.isEmpty()) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.getAsLong() + TimeUnit.SECONDS.toNanos(1) - 1));
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .entity(new Problem(
                        Problem.typeUri("rate-limited"),
                        "Too many requests",
                        429,
                        "This client has sent more requests than its limit allows; retry after " + seconds
                                + " s. Nothing was stored.",
                        uri.getPath(),
                        List.of()))
                .build();
    }

    private static RateLimits.Caller caller(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            String client = token.getClaim("azp");
            return new RateLimits.Client(client != null ? client : "subject " + token.getSubject());
        }
        return new RateLimits.Address(context.request().remoteAddress().hostAddress());
    }
}
