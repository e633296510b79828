package org.csp.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every request body's limits are documented in the service's OpenAPI document ({@code /q/openapi}): in each schema
 * a request body uses (followed through {@code $ref}, {@code properties}, {@code items}, {@code additionalProperties},
 * {@code oneOf}, {@code anyOf}, {@code allOf}), a string has {@code maxLength}, an array {@code maxItems}, a map
 * {@code maxProperties}, and an integer or number both {@code minimum} and {@code maximum}. A string whose values are
 * listed ({@code enum}, {@code const}) is bounded by them, and opaque bytes ({@code format: binary}: a proxied body)
 * have no characters to count (the body limit, 413, bounds them). A keyword beside {@code oneOf} bounds the branches
 * too, as in JSON Schema; a {@code $ref} has the limits of the schema it names. A value of several types (such as a
 * type beside a {@code $ref} that is not the named schema's, as SmallRye writes for a stand-in schema given without its
 * type) has limits that contradict each other, and counts as unbounded.
 */
public final class RequestLimits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private RequestLimits() {}

    /**
     * Fails naming every part of a request body of the service under test whose limit is not documented. {@code exempt}
     * names parts left out ({@code "EngagementRequest.organisations"}, with what is inside it), each for a reason the
     * caller gives; an exemption that no longer exempts anything fails too, so that it is removed.
     */
    public static void assertDocumented(String... exempt) {
        String document = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> unbounded;
        try {
            unbounded = unbounded(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
        List<String> stale = new ArrayList<>();
        for (String part : exempt) {
            if (!unbounded.removeIf(line -> within(line, part))) {
                stale.add(part + ": exempt, but every limit in it is documented; remove the exemption");
            }
        }
        unbounded.addAll(stale);
        if (!unbounded.isEmpty()) {
            fail(unbounded.size() + " request body parts without a documented limit:\n  "
                    + String.join("\n  ", unbounded));
        }
    }

    /** What is not bounded, one line each: {@code "InitiativeRequest.title: a string without maxLength"}. */
    public static List<String> unbounded(JsonNode openApi) {
        Walk walk = new Walk(openApi.path("components").path("schemas"));
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    String body = operation.getKey().toUpperCase() + " " + path.getKey() + " (" + media.getKey() + ")";
                    walk.schema(media.getValue().path("schema"), body, null);
                }
            }
        }
        return new ArrayList<>(walk.unbounded);
    }

    private static boolean within(String line, String part) {
        return line.startsWith(part + ":") || line.startsWith(part + "[") || line.startsWith(part + "{");
    }

    /** One walk through the schemas request bodies use; each named schema is looked at once. */
    private static final class Walk {

        private final JsonNode schemas;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> unbounded = new LinkedHashSet<>();

        Walk(JsonNode schemas) {
            this.schemas = schemas;
        }

        /** {@code schema} found at {@code where}; {@code outer}: the schema whose {@code oneOf} it is a branch of. */
        void schema(JsonNode schema, String where, JsonNode outer) {
            if (schema == null || schema.isMissingNode() || schema.isBoolean()) {
                return;
            }
            if (schema.has("$ref")) {
                reference(schema, where);
                return;
            }
            boolean composed = false;
            for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
                for (JsonNode branch : schema.path(keyword)) {
                    composed = true;
                    schema(branch, where, schema);
                }
            }
            Set<String> types = types(schema);
            if (types.isEmpty() && !composed && !schema.has("properties")) {
                unbounded.add(where + ": a value of any type, whose limits cannot be documented");
            }
            if (types.size() > 1) {
                contradiction(where, types);
            }
            if (types.contains("string")
                    && !bounded(schema, outer, "maxLength")
                    && !schema.has("enum")
                    && !schema.has("const")
                    && !"binary".equals(schema.path("format").asText())) {
                unbounded.add(where + ": a string without maxLength");
            }
            if (types.contains("integer") || types.contains("number")) {
                if (!bounded(schema, outer, "minimum") && !bounded(schema, outer, "exclusiveMinimum")) {
                    unbounded.add(where + ": a number without minimum");
                }
                if (!bounded(schema, outer, "maximum") && !bounded(schema, outer, "exclusiveMaximum")) {
                    unbounded.add(where + ": a number without maximum");
                }
            }
            if (types.contains("array")) {
                if (!bounded(schema, outer, "maxItems")) {
                    unbounded.add(where + ": an array without maxItems");
                }
                schema(schema.get("items"), where + "[]", null);
            }
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                schema(property.getValue(), where + "." + property.getKey(), null);
            }
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                if (!bounded(schema, outer, "maxProperties")) {
                    unbounded.add(where + ": a map without maxProperties");
                }
                schema(additional, where + "{}", null);
            }
        }

        /** A reference: its limits are those of the schema it names, which must not contradict a type beside it. */
        private void reference(JsonNode schema, String where) {
            String ref = schema.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode target = schemas.get(name);
            if (target == null) {
                unbounded.add(where + ": refers to " + ref + ", which the document does not hold");
                return;
            }
            Set<String> own = types(schema);
            if (!own.isEmpty() && !own.equals(types(target))) {
                own.addAll(types(target));
                contradiction(where, own);
            }
            if (seen.add(name)) {
                schema(target, name, null);
            }
        }

        private void contradiction(String where, Set<String> types) {
            unbounded.add(where + ": a value of several types " + types + ", whose limits contradict each other");
        }

        private static boolean bounded(JsonNode schema, JsonNode outer, String keyword) {
            return schema.has(keyword) || (outer != null && outer.has(keyword));
        }

        private static Set<String> types(JsonNode schema) {
            Set<String> types = new TreeSet<>();
            JsonNode type = schema.path("type");
            if (type.isTextual()) {
                types.add(type.asText());
            }
            type.forEach(t -> types.add(t.asText()));
            types.remove("null");
            return types;
        }
    }
}
