package org.csp.eventcatalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (draft 7, as AsyncAPI 3.0 payloads are) of an event's payload, read from its approved JSON: each
 * field has the type its value has there; every field present is required, except those named optional; an array's
 * items have the schema its elements share (a field null in one element and text in another is text or null; a field
 * some elements lack is not required). A field that is null in the example gets no type (the example cannot say
 * which), and numbers are {@code number}, since an example's whole number may be a decimal in another event.
 */
final class PayloadSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PayloadSchema() {}

    /** The schema of {@code example}, a JSON object, with {@code optionalFields} of its top level not required. */
    static ObjectNode of(JsonNode example, Set<String> optionalFields) {
        if (!example.isObject()) {
            throw new IllegalArgumentException("An event's payload is a JSON object, not " + example.getNodeType());
        }
        for (String optional : optionalFields) {
            if (!example.has(optional)) {
                throw new IllegalArgumentException("Optional field '" + optional + "' is not in the example");
            }
        }
        return object(example, optionalFields);
    }

    private static ObjectNode schema(JsonNode value) {
        ObjectNode schema = NODES.objectNode();
        switch (value.getNodeType()) {
            case OBJECT -> {
                return object(value, Set.of());
            }
            case ARRAY -> {
                schema.put("type", "array");
                ObjectNode items = null;
                for (JsonNode element : value) {
                    items = items == null ? schema(element) : merge(items, schema(element));
                }
                schema.set("items", items == null ? NODES.objectNode() : items);
            }
            case STRING -> schema.put("type", "string");
            case NUMBER -> schema.put("type", "number");
            case BOOLEAN -> schema.put("type", "boolean");
            case NULL -> schema.put("description", "null in the approved example");
            default -> throw new IllegalArgumentException("Unexpected JSON value " + value.getNodeType());
        }
        return schema;
    }

    /** The schema two elements of an array share. */
    private static ObjectNode merge(ObjectNode a, ObjectNode b) {
        if (a.equals(b)) {
            return a;
        }
        if (!a.has("type") || !b.has("type")) {
            return nullable(a.has("type") ? a : b);
        }
        String type = a.get("type").asText();
        if (!type.equals(b.get("type").asText()) || a.get("type").isArray()) {
            return NODES.objectNode(); // the elements differ in kind: anything
        }
        if (type.equals("array")) {
            ObjectNode merged = a.deepCopy();
            merged.set("items", merge((ObjectNode) a.get("items"), (ObjectNode) b.get("items")));
            return merged;
        }
        if (!type.equals("object")) {
            return a;
        }
        ObjectNode merged = NODES.objectNode();
        merged.put("type", "object");
        ObjectNode properties = merged.putObject("properties");
        a.get("properties").fields().forEachRemaining(field -> {
            JsonNode other = b.get("properties").get(field.getKey());
            properties.set(
                    field.getKey(),
                    other == null ? field.getValue() : merge((ObjectNode) field.getValue(), (ObjectNode) other));
        });
        b.get("properties")
                .fields()
                .forEachRemaining(field -> properties.putIfAbsent(field.getKey(), field.getValue()));
        Set<String> requiredByB = new HashSet<>();
        b.path("required").forEach(field -> requiredByB.add(field.asText()));
        ArrayNode required = NODES.arrayNode();
        a.path("required").forEach(field -> {
            if (requiredByB.contains(field.asText())) {
                required.add(field);
            }
        });
        if (!required.isEmpty()) {
            merged.set("required", required);
        }
        return merged;
    }

    /** {@code schema} that also takes null: a field one element has and another holds null. */
    private static ObjectNode nullable(ObjectNode schema) {
        if (!schema.has("type")) {
            return schema;
        }
        ObjectNode nullable = schema.deepCopy();
        nullable.putArray("type").add(schema.get("type").asText()).add("null");
        return nullable;
    }

    private static ObjectNode object(JsonNode value, Set<String> optionalFields) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            properties.set(field.getKey(), schema(field.getValue()));
            if (!optionalFields.contains(field.getKey())) {
                required.add(field.getKey());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }
}
