package org.csp.web.security;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A form is taken only from the web frontend's own pages: a request that changes something (POST and the like) must
 * name this origin in {@code Origin}, or, where a browser sends none, in {@code Referer}; any other is refused (403
 * page) before it reaches a resource. With the session cookie's {@code SameSite=Lax}, another site cannot make a
 * signed-in person's browser send a report in their name (OWASP: verifying origin with standard headers).
 */
public class SameOriginForms {

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        URI own = request.getUriInfo().getBaseUri();
        String expected = origin(own);
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            if (!origin.equals(expected)) {
                throw new ForbiddenException("cross-origin form from " + origin);
            }
            return;
        }
        String referer = request.getHeaderString("Referer");
        if (referer == null || !(referer.equals(expected) || referer.startsWith(expected + "/"))) {
            throw new ForbiddenException("a form without this origin");
        }
    }

    /** {@code http://127.0.0.1:8084}: scheme, host and port as a browser writes an origin. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
