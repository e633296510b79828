package org.csp.gateway.apidocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document of the API the gateway serves, from the gateway's own document and each service's (pure: JSON
 * trees in, a JSON tree out). Kept: every path under {@code /api/} of the gateway's document (its own endpoints; the
 * routes that forward to a service are not in it), and of each service's the paths whose first segment the gateway
 * routes to that service ({@code segments}); the services' relays ({@code /api/admin/relay/**}, the same kernel
 * resource in each) once, as {@code /api/admin/relay/{service}/**}. Left out: {@code /q/**}, what the gateway does not
 * route, and a service's projection admin paths, which the gateway's own document has already (the same kernel
 * resource, its {@code {name}} reaching the service's projections too).
 *
 * <p>Components of the same name and content are kept once; a service's component whose name another document gives
 * to something else is renamed with the service's name in front ({@code PlanInitiativeView}), and its references with
 * it. An operation id already taken gets the service's name in front too. A path given twice is an error.
 */
public final class ApiDocumentMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RELAY = "/api/admin/relay";
    private static final String PROJECTIONS = "/api/admin/projections/";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocumentMerge() {}

    /**
     * @param gateway the gateway's own document
     * @param services each service's document, by service name (in the order they are to appear)
     * @param segments the first path segments under {@code /api/} the gateway routes to each service
     */
    public static ObjectNode merge(
            JsonNode gateway, Map<String, JsonNode> services, Map<String, List<String>> segments) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Community safety partnership API");
        info.put("version", gateway.path("info").path("version").asText("1.0"));
        info.put(
                "description",
                "Every public endpoint of the gateway and of the services behind it (plan-service, measures-service, "
                        + "engagement-service), as the gateway serves them. Every call but the public ones needs a "
                        + "bearer token of the Keycloak realm csp (audience csp-api); each operation names the roles "
                        + "it needs (x-roles). Every failure is an application/problem+json problem (RFC 9457).");
        info.putObject("contact").put("name", "Community safety partnership platform");
        merged.putArray("servers").addObject().put("url", "/").put("description", "The gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();

        add("gateway", gateway, components, paths, tags, operationIds, path -> path.startsWith("/api/") ? path : null);
        List<String> relayServices = new ArrayList<>(services.keySet());
        services.forEach((service, document) -> {
            List<String> owned = segments.getOrDefault(service, List.of());
            add(service, document, components, paths, tags, operationIds, path -> {
                if (path.startsWith(RELAY + "/") || path.equals(RELAY)) {
                    String at = RELAY + "/{service}" + path.substring(RELAY.length());
                    return paths.has(at) ? null : at;
                }
                if (path.startsWith(PROJECTIONS)) {
                    return null;
                }
                String[] parts = path.split("/");
                return parts.length > 2 && parts[1].equals("api") && owned.contains(parts[2]) ? path : null;
            });
        });
        paths.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith(RELAY + "/{service}")) {
                relayParameter((ObjectNode) entry.getValue(), relayServices);
            }
        });
        paths.forEach(item -> item.forEach(operation -> operation
                .path("tags")
                .forEach(tag -> tags.computeIfAbsent(
                        tag.asText(), name -> NODES.objectNode().put("name", name)))));
        if (!tags.isEmpty()) {
            ArrayNode tagList = merged.putArray("tags");
            tags.values().forEach(tagList::add);
        }
        return merged;
    }

    /** Where a path of a document goes in the merged one, or {@code null} to leave it out. */
    private interface Placement {
        String place(String path);
    }

    private static void add(
            String source,
            JsonNode document,
            ObjectNode components,
            ObjectNode paths,
            Map<String, ObjectNode> tags,
            Set<String> operationIds,
            Placement placement) {
        Map<String, String> renames = new HashMap<>();
        JsonNode own = document.path("components");
        own.fields()
                .forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(component -> {
                    JsonNode existing = components.path(kind.getKey()).get(component.getKey());
                    if (existing != null && !existing.equals(component.getValue())) {
                        renames.put(
                                "#/components/" + kind.getKey() + "/" + component.getKey(),
                                "#/components/" + kind.getKey() + "/" + capitalised(source) + component.getKey());
                    }
                }));
        JsonNode copy = rewriteRefs(document.deepCopy(), renames);
        copy.path("components").fields().forEachRemaining(kind -> {
            ObjectNode target = components.has(kind.getKey())
                    ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(component -> {
                String ref = "#/components/" + kind.getKey() + "/" + component.getKey();
                String name = renames.containsKey(ref) ? capitalised(source) + component.getKey() : component.getKey();
                target.set(name, component.getValue());
            });
        });
        copy.path("paths").fields().forEachRemaining(entry -> {
            String at = placement.place(entry.getKey());
            if (at == null) {
                return;
            }
            if (paths.has(at)) {
                throw new IllegalStateException(at + " is given by more than one document (again by " + source + ")");
            }
            ObjectNode item = (ObjectNode) entry.getValue();
            item.fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && operation.getValue().has("operationId")) {
                    ObjectNode op = (ObjectNode) operation.getValue();
                    String id = op.get("operationId").asText();
                    if (!operationIds.add(id)) {
                        id = source + "_" + id;
                        operationIds.add(id);
                        op.put("operationId", id);
                    }
                }
            });
            paths.set(at, item);
        });
        for (JsonNode tag : copy.path("tags")) {
            tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
        }
    }

    /** The {@code service} parameter of a relay path, naming the service whose relay it reaches. */
    private static void relayParameter(ObjectNode item, List<String> services) {
        ArrayNode parameters =
                item.has("parameters") ? (ArrayNode) item.get("parameters") : item.putArray("parameters");
        ObjectNode parameter = parameters.insertObject(0);
        parameter.put("name", "service");
        parameter.put("in", "path");
        parameter.put("required", true);
        parameter.put("description", "The service whose relay this is");
        ObjectNode schema = parameter.putObject("schema");
        schema.put("type", "string");
        ArrayNode values = schema.putArray("enum");
        services.forEach(values::add);
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(field -> names.add(field.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isTextual() && renames.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(renames.get(value.asText())));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
