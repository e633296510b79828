package org.csp.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every operation under {@code /api/} of an OpenAPI document must say (the kernel's {@code ProblemResponses}
 * writes it): a unique operation id; a bearer security requirement unless it is open to anyone, and then the roles it
 * needs ({@code x-roles}: every endpoint of the platform names its roles); a 401 where it needs a token, a 403 where it
 * names roles; 400 and 429 always; and each of these responses an
 * {@code application/problem+json} {@code Problem}. And what it answers when it succeeds: at least one 2xx response (or
 * a 3xx, for a redirect: not a 304 alone), and each 2xx response other than 202 and 204 with {@code content} that has a {@code schema}
 * for each media type; a JSON media type's schema says what the body is (a {@code $ref}, properties, a map's
 * {@code additionalProperties}, an array's items that do), not an empty schema or a bare {@code object}, which is what
 * SmallRye writes for a method returning {@code Response} without an {@code @APIResponse} naming its body.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocumentRules() {}

    /**
     * Fails naming each broken rule of the OpenAPI document of the service under test ({@code /q/openapi}), which it
     * writes to {@code target/openapi.json} to be read; {@code open} says which paths need no token.
     */
    public static void assertObeyed(Predicate<String> open) {
        String document = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> broken;
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/openapi.json"), document);
            broken = broken(JSON.readTree(document), open);
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document is not JSON, or could not be written", e);
        }
        if (!broken.isEmpty()) {
            fail(broken.size() + " broken rules of the API document:\n  " + String.join("\n  ", broken));
        }
    }

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
                success(document, name, operation, broken);
            });
        });
        return broken;
    }

    /** The success responses of {@code operation} ({@code name}): each broken rule added to {@code broken}. */
    private static void success(JsonNode document, String name, JsonNode operation, List<String> broken) {
        boolean any = false;
        for (Map.Entry<String, JsonNode> entry : operation.path("responses").properties()) {
            String status = entry.getKey();
            unresolved(document, name + ": its " + status + " response", "responses", entry.getValue(), broken);
            resolve(document, "responses", entry.getValue())
                    .path("headers")
                    .properties()
                    .forEach(header -> unresolved(
                            document,
                            name + ": its " + status + " response's " + header.getKey() + " header",
                            "headers",
                            header.getValue(),
                            broken));
            if (status.startsWith("3") && !status.equals("304")) {
                any = true; // a redirect; a 304 is only ever the answer to a conditional request for a 200's body
            }
            if (!status.startsWith("2")) {
                continue;
            }
            any = true;
            if (status.equals("202") || status.equals("204")) {
                continue;
            }
            JsonNode content = resolve(document, "responses", entry.getValue()).path("content");
            if (content.isEmpty()) {
                broken.add(name + ": its " + status + " response has no content (a body without a schema;"
                        + " @APIResponse with @Content and @Schema names it)");
                continue;
            }
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                JsonNode schema = media.getValue().path("schema");
                if (schema.isMissingNode()) {
                    broken.add(name + ": its " + status + " response's " + media.getKey() + " has no schema");
                } else if (json(media.getKey()) && !described(schema)) {
                    broken.add(name + ": its " + status + " response's " + media.getKey() + " schema " + schema
                            + " does not say what the body is (name the record: @Schema(implementation = …))");
                }
            }
        }
        if (!any) {
            broken.add(name + ": no 2xx (or 3xx) response");
        }
    }

    private static boolean json(String mediaType) {
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** A schema that says what a JSON body is: a reference, properties, a map's values, or items that do. */
    private static boolean described(JsonNode schema) {
        if (!schema.isObject()) {
            return false;
        }
        if (schema.has("$ref") || !schema.path("properties").isEmpty()) {
            return true;
        }
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            if (!schema.path(keyword).isEmpty()) {
                return true;
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
            return true;
        }
        if (schema.has("items")) {
            return described(schema.get("items"));
        }
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        }
        type.forEach(t -> types.add(t.asText()));
        types.remove("null");
        // a scalar (a string, a number, a boolean) is what it says; an object or any value without more is not
        return !types.isEmpty() && !types.contains("object") && !types.contains("array");
    }

    private static void unresolved(
            JsonNode document, String where, String component, JsonNode node, List<String> broken) {
        if (node.has("$ref") && resolve(document, component, node).isMissingNode()) {
            broken.add(where + " refers to " + node.get("$ref").asText() + ", which the document does not hold");
        }
    }

    private static JsonNode resolve(JsonNode document, String component, JsonNode node) {
        if (node.has("$ref")) {
            String[] ref = node.get("$ref").asText().split("/");
            return document.path("components").path(component).path(ref[ref.length - 1]);
        }
        return node;
    }

    private static boolean problem(JsonNode document, JsonNode response) {
        response = resolve(document, "responses", response);
        return response.path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText()
                .equals("#/components/schemas/Problem");
    }
}
