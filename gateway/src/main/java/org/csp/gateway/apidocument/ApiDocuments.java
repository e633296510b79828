package org.csp.gateway.apidocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.gateway.routing.RoutesConfig;
import org.csp.gateway.routing.ServiceRoutes;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * The API document the gateway serves: its own OpenAPI document merged with each service's
 * ({@code /q/openapi?format=json} at the service's route, {@code csp.gateway.routes.*}) by {@link ApiDocumentMerge}.
 * Read when first asked for and kept for {@link #KEPT}, so that a service deployed again is described again within
 * minutes; a service that cannot be read is a 503 problem naming it (and nothing is kept).
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a merged document is served before the services' documents are read again. */
    static final Duration KEPT = Duration.ofMinutes(5);

    private final WebClient client;
    private final RoutesConfig routes;
    private final OpenApiDocumentService own;
    private final Clock clock;
    private volatile Kept kept;

    private record Kept(JsonNode document, Instant until) {}

    public ApiDocuments(Vertx vertx, RoutesConfig routes, OpenApiDocumentService own, Clock clock) {
        this.client = WebClient.create(vertx);
        this.routes = routes;
        this.own = own;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The merged document. */
    public Uni<JsonNode> document() {
        Kept current = kept;
        if (current != null && clock.instant().isBefore(current.until())) {
            return Uni.createFrom().item(current.document());
        }
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("plan", routes.plan());
        bases.put("measures", routes.measures());
        bases.put("engagement", routes.engagement());
        List<Uni<Map.Entry<String, JsonNode>>> reads = bases.entrySet().stream()
                .map(service -> read(service.getKey(), service.getValue())
                        .map(document -> Map.entry(service.getKey(), document)))
                .toList();
        return Uni.join().all(reads).andFailFast().map(documents -> {
            Map<String, JsonNode> services = new LinkedHashMap<>();
            documents.forEach(entry -> services.put(entry.getKey(), entry.getValue()));
            JsonNode merged = ApiDocumentMerge.merge(gateway(), services, ServiceRoutes.API_SEGMENTS);
            kept = new Kept(merged, clock.instant().plus(KEPT));
            return merged;
        });
    }

    private JsonNode gateway() {
        try {
            return JSON.readTree(own.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Uni<JsonNode> read(String service, String base) {
        return client.getAbs(base + "/q/openapi?format=json")
                .timeout(routes.timeout().toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    try {
                        return JSON.readTree(response.bodyAsString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .onFailure()
                .transform(failure -> {
                    LOG.warnf("Reading the API document of %s at %s failed: %s", service, base, failure.toString());
                    return new ProblemException(
                            503,
                            "api-document-unavailable",
                            "The API document is unavailable",
                            "The " + service + " service's API document could not be read, so the whole API cannot be "
                                    + "described now. Try again shortly.");
                });
    }
}
