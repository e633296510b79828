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
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a request to the service that owns its first path segment, bearer token included: the services
 * check the token again (defence in depth) and apply their own role rules.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Request headers worth passing on; hop-by-hop and host headers stay behind. */
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
            HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.CACHE_CONTROL);

    private final WebClient client;
    private final RoutesConfig routes;
    private final Map<String, String> owners;

    public ServiceProxy(Vertx vertx, RoutesConfig routes) {
        this.client = WebClient.create(vertx);
        this.routes = routes;
        this.owners = Map.of(
                "initiatives", routes.plan(),
                "indicators", routes.measures(),
                "engagements", routes.engagement());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What came back from the service. */
    public record Forwarded(int status, Map<String, String> headers, byte[] body) {
    }

    public Uni<Forwarded> forward(String method, String segment, String pathAndQuery, HttpHeaders headers, byte[] body) {
        String base = owners.get(segment);
        if (base == null) {
            return Uni.createFrom().failure(ProblemException.notFound("API", segment));
        }
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(method), base + pathAndQuery)
                .timeout(routes.timeout().toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        Uni<HttpResponse<Buffer>> response = body == null || body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
        return response
                .map(r -> {
                    Map<String, String> copied = new LinkedHashMap<>();
                    for (String name : RESPONSE_HEADERS) {
                        String value = r.getHeader(name);
                        if (value != null) {
                            copied.put(name, name.equals(HttpHeaders.LOCATION) && value.startsWith(base)
                                    ? value.substring(base.length()) : value);
                        }
                    }
                    return new Forwarded(r.statusCode(), copied, r.body() == null ? new byte[0] : r.body().getBytes());
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("Forwarding %s %s to %s failed: %s", method, pathAndQuery, base, failure.toString());
                    if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
                        return new ProblemException(504, "upstream-timeout", "The service did not answer in time",
                                "The " + segment + " service did not answer within " + routes.timeout().toSeconds()
                                        + " s; the request may or may not have been stored. Retry with the same Idempotency-Key.");
                    }
                    return new ProblemException(502, "upstream-unavailable", "The service is unavailable",
                            "The " + segment + " service could not be reached; nothing was stored. Try again shortly.");
                });
    }
}
