package org.csp.gateway.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.csp.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin requests from the configured origins only ({@code quarkus.http.cors.origins}, the web frontend's), as
 * Quarkus's CORS filter answers them; a request from any other origin gets no CORS header at all. Quarkus's filter
 * names the allowed methods and headers in its answer to any preflight, and refuses a request from another origin
 * with a bare 403; so before it runs, a preflight from another origin is answered here with a 403 problem, and
 * another origin's request goes on as if no browser sent it (its {@code Origin} is dropped): it is answered without
 * CORS headers, so the browser keeps the answer from the page.
 */
@ApplicationScoped
public class CorsOrigins {

    /** Before Quarkus's CORS filter (a filter of priority 300 is a route of order -300). */
    static final int ORDER = -301;

    private final Set<String> allowed;

    public CorsOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaderNames.ORIGIN);
        if (origin == null || allowed.contains(origin)) {
            ctx.next();
            return;
        }
        if (request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            JsonObject problem = new JsonObject()
                    .put("type", Problem.typeUri("origin-not-allowed"))
                    .put("title", "Cross-origin requests from this origin are not allowed")
                    .put("status", 403)
                    .put("detail", "Only the platform's web frontend may call the API from a browser page.")
                    .put("instance", request.path());
            ctx.response()
                    .setStatusCode(403)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(problem.encode());
            return;
        }
        request.headers().remove(HttpHeaderNames.ORIGIN);
        ctx.next();
    }
}
