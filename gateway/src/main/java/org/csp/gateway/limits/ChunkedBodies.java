package org.csp.gateway.limits;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.csp.gateway.routing.ServiceRoutes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body sent in chunks, with no {@code Content-Length}, to one of the gateway's own endpoints is read here (Vert.x's
 * body handler, counting as it reads) before JAX-RS sees it: past {@code quarkus.http.limits.max-body-size} the request
 * fails with 413, which the kernel's {@code BodyLimit} answers as a problem (RESTEasy Reactive would answer an empty
 * 413). A body forwarded to a service is not read here: it streams through, counted on its way
 * ({@code routing.CountedBody}). A body with a declared length is checked by its length before any of it is read
 * ({@code BodyLimit}) and is not read here.
 */
@ApplicationScoped
public class ChunkedBodies {

    /** After the kernel's checks of the request's headers and Quarkus's own upload limit (order -2). */
    static final int ORDER = -1;

    private final Optional<MemorySize> limit;

    public ChunkedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(limit.get().asLongValue());
        router.route().order(ORDER).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            boolean chunked = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH) == null
                    && ctx.request().getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null
                    && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                    && !ServiceRoutes.forwarded(ctx.request().path());
            if (chunked) {
                reader.handle(ctx);
            } else {
                ctx.next();
            }
        });
    }
}
