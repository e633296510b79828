package org.csp.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.csp.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body longer than {@code quarkus.http.limits.max-body-size} is refused with 413 as a problem, naming the limit,
 * before any of it is read when its length is declared. A body sent in chunks with no length is counted as it is read:
 * a body handler (Vert.x's, as the gateway installs for such bodies) fails the request with 413 once it passes the
 * limit, and the failure handler here answers that with the same problem. Without one, RESTEasy Reactive's own
 * reading answers such a body with an empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus's own upload limit (order -2) and after its access log and header handlers. */
    static final int ORDER = -3;

    private final Optional<MemorySize> limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= max) {
                ctx.next();
                return;
            }
            refuse(ctx, "The body has " + declared + " bytes; at most " + max + " are accepted.");
        });
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            refuse(ctx, "The body is longer than the " + max + " bytes accepted.");
        });
    }

    private static void refuse(RoutingContext ctx, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", Problem.typeUri("payload-too-large"))
                .put("title", "The request body is too large")
                .put("status", 413)
                .put("detail", detail + " Nothing was stored.")
                .put("instance", ctx.request().path());
        ctx.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // the body is left unread: it must not be taken for the next request (HTTP/2 has no such header)
            ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        ctx.response().end(problem.encode());
    }
}
