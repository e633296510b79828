package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Forwards a request to the service that owns its first path segment, to the service that runs the projection it
 * names ({@link ProjectionRoutes}) or to the service whose relay it names ({@link RelayRoutes}), bearer token included: the services check the token again (defence in depth) and
 * apply their own role rules.
 *
 * <p>What the contracts rely on crosses unchanged. To the service: method, raw path and query, the body's bytes
 * (a JSON merge patch is not re-encoded) and the headers {@code Authorization}, {@code Content-Type} (e.g.
 * {@code application/merge-patch+json}), {@code Accept}, {@code If-Match}, {@code If-None-Match},
 * {@code Idempotency-Key} and {@code X-Request-Id}. Back to the client: the status (201, 304, 409, 412, 428 …), the
 * body (problem details included) and the headers {@code Content-Type}, {@code ETag}, {@code Location},
 * {@code WWW-Authenticate}, {@code Cache-Control} and {@code Idempotent-Replayed} (measures-service's mark of an
 * answer replayed for a repeated {@code Idempotency-Key}). A path-only {@code Location} ({@code /api/reviews/2024-25-Q3},
 * as the services write it) is passed as it is; only one naming the service's own internal origin is cut to its path,
 * so that an internal address never reaches a client.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Request headers worth passing on; hop-by-hop and host headers stay behind. */
    private static final List<String> REQUEST_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            "Idempotency-Key",
            "X-Request-Id");

    private static final List<String> RESPONSE_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            HttpHeaders.WWW_AUTHENTICATE,
            HttpHeaders.CACHE_CONTROL,
            "Idempotent-Replayed");

    /**
     * The projections the services run, by name (a regular expression of names, for a JAX-RS path): their status and
     * rebuild are the kernel's admin endpoints of the service that runs them.
     */
    public static final String SERVICE_PROJECTIONS = "derived|registry";

    /**
     * The first path segments of the API under {@code /api/} each service owns, by service (the names of
     * {@link #RELAYS}); {@link ApiRoutes}' path lists the same segments (ApiRoutesTest), and the gateway's API document
     * takes these paths of each service's own document.
     */
    public static final Map<String, List<String>> API_SEGMENTS = Map.of(
            "plan",
            List.of("plans", "priorities", "objectives", "organisations", "initiatives", "reviews", "priority-leads"),
            "measures",
            List.of("indicators", "data-points", "geographies", "assessments", "comparators", "comparator-sources"),
            "engagement",
            List.of("engagements", "case-reviews", "consultations"));

    /** The services whose relays are reached through the gateway, by the name in {@code /api/admin/relay/{name}}. */
    public static final String RELAYS = "plan|measures|engagement";

    private final WebClient client;
    private final RoutesConfig routes;
    private final Map<String, String> owners;
    private final Map<String, String> projections;
    private final Map<String, String> relays;

    public ServiceProxy(Vertx vertx, RoutesConfig routes) {
        this.client = WebClient.create(vertx);
        this.routes = routes;
        Map<String, String> bases =
                Map.of("plan", routes.plan(), "measures", routes.measures(), "engagement", routes.engagement());
        Map<String, String> owners = new HashMap<>();
        API_SEGMENTS.forEach(
                (service, segments) -> segments.forEach(segment -> owners.put(segment, bases.get(service))));
        this.owners = Map.copyOf(owners);
        this.projections = Map.of("derived", routes.measures(), "registry", routes.engagement());
        this.relays = Map.of("plan", routes.plan(), "measures", routes.measures(), "engagement", routes.engagement());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What came back from the service. */
    public record Forwarded(int status, Map<String, String> headers, byte[] body) {

        /** The answer to the client: the service's status, the headers passed back and its body. */
        public Response response() {
            Response.ResponseBuilder response = Response.status(status);
            headers.forEach(response::header);
            return response.entity(body.length == 0 ? null : body).build();
        }
    }

    /** The request's raw path and query, as the service is to receive them. */
    static String pathAndQuery(UriInfo uri) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** A Location on the service's own origin, as a framework may write a relative one, becomes its path; any other stays. */
    static String location(String value, String base) {
        return value.startsWith(base + "/") ? value.substring(base.length()) : value;
    }

    /** To the service that owns the API's first path segment ({@code initiatives}, {@code data-points} …). */
    public Uni<Forwarded> forward(
            String method, String segment, String pathAndQuery, HttpHeaders headers, byte[] body) {
        String base = owners.get(segment);
        if (base == null) {
            return Uni.createFrom().failure(ProblemException.notFound("API", segment));
        }
        return send(base, "The " + segment + " service", method, pathAndQuery, headers, body);
    }

    /** To the service that runs the projection {@code name} (one of {@link #SERVICE_PROJECTIONS}). */
    public Uni<Forwarded> forwardToProjection(
            String method, String name, String pathAndQuery, HttpHeaders headers, byte[] body) {
        String base = projections.get(name);
        if (base == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Projection", name));
        }
        return send(base, "The service that runs projection " + name, method, pathAndQuery, headers, body);
    }

    /**
     * To the relay of the service {@code name} (one of {@link #RELAYS}): {@code /api/admin/relay/{name}/rest} is the
     * service's own {@code /api/admin/relay/rest}.
     */
    public Uni<Forwarded> forwardToRelay(
            String method, String name, String rest, String query, HttpHeaders headers, byte[] body) {
        String base = relays.get(name);
        if (base == null) {
            return Uni.createFrom().failure(ProblemException.notFound("Relay", name));
        }
        return send(
                base,
                "The " + name + " service",
                method,
                "/api/admin/relay" + rest + (query == null ? "" : "?" + query),
                headers,
                body);
    }

    private Uni<Forwarded> send(
            String base, String service, String method, String pathAndQuery, HttpHeaders headers, byte[] body) {
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(method), base + pathAndQuery)
                .timeout(routes.timeout().toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        Uni<HttpResponse<Buffer>> response =
                body == null || body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
        return response.map(r -> {
                    Map<String, String> copied = new LinkedHashMap<>();
                    for (String name : RESPONSE_HEADERS) {
                        String value = r.getHeader(name);
                        if (value != null) {
                            copied.put(name, name.equals(HttpHeaders.LOCATION) ? location(value, base) : value);
                        }
                    }
                    return new Forwarded(
                            r.statusCode(),
                            copied,
                            r.body() == null ? new byte[0] : r.body().getBytes());
                })
                .onFailure()
                .transform(failure -> {
                    LOG.warnf("Forwarding %s %s to %s failed: %s", method, pathAndQuery, base, failure.toString());
                    if (failure instanceof TimeoutException
                            || failure.getClass().getSimpleName().contains("Timeout")) {
                        return new ProblemException(
                                504,
                                "upstream-timeout",
                                "The service did not answer in time",
                                service + " did not answer within "
                                        + routes.timeout().toSeconds() + " s; the request may"
                                        + " or may not have been stored. Retry with the same Idempotency-Key.");
                    }
                    return new ProblemException(
                            502,
                            "upstream-unavailable",
                            "The service is unavailable",
                            service + " could not be reached; nothing was stored. Try again shortly.");
                });
    }
}
