package org.csp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every operation under {@code /api/} of an OpenAPI document must say (the kernel's {@code ProblemResponses}
 * writes it): a unique operation id; a bearer security requirement unless it is open to anyone, and then the roles it
 * needs ({@code x-roles}: every endpoint of the platform names its roles); a 401 where it needs a token, a 403 where it
 * names roles; 400 and 429 always; and each of these responses an
 * {@code application/problem+json} {@code Problem}.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocumentRules() {}

    /** Each broken rule, one line naming the operation; {@code open} says which paths need no token. */
    public static List<String> broken(JsonNode document, Predicate<String> open) {
        List<String> broken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (!document.path("components").path("schemas").has("Problem")) {
            broken.add("no Problem schema in components");
        }
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isEmpty()) {
                    broken.add(name + ": no operationId");
                } else if (!ids.add(id)) {
                    broken.add(name + ": operationId " + id + " is not unique");
                }
                boolean secured = !operation.path("security").isEmpty();
                boolean roles = !operation.path("x-roles").isEmpty();
                if (!secured && !open.test(path.getKey())) {
                    broken.add(name + ": no security requirement");
                }
                if (secured && !roles) {
                    broken.add(name + ": needs a token but names no role (is its @RolesAllowed on an inherited method?"
                            + " SmallRye does not see those: add @SecurityRequirement with the roles as scopes)");
                }
                List<String> statuses = new ArrayList<>(List.of("400", "429"));
                if (secured) {
                    statuses.add("401");
                }
                if (roles) {
                    statuses.add("403");
                }
                for (String status : statuses) {
                    if (!problem(document, operation.path("responses").path(status))) {
                        broken.add(name + ": no " + status + " problem response");
                    }
                }
            });
        });
        return broken;
    }

    private static boolean problem(JsonNode document, JsonNode response) {
        if (response.has("$ref")) {
            String[] ref = response.get("$ref").asText().split("/");
            response = document.path("components").path("responses").path(ref[ref.length - 1]);
        }
        return response.path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText()
                .equals("#/components/schemas/Problem");
    }
}
