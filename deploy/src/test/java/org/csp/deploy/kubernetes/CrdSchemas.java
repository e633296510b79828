package org.csp.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' custom resource definitions ({@code ../shared/k8s-crds/}, read in place) and a check of a custom
 * resource against its kind's structural schema as an API server applies it: types, enums, required fields, and,
 * strictly, no field the schema does not name (where a server would prune it), except under
 * {@code x-kubernetes-preserve-unknown-fields}. CEL rules, webhooks and the operators' own checks are not run (the
 * CRDs' README says what that leaves unproven).
 */
public final class CrdSchemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final java.util.Set<String> SERVERS_OWN = java.util.Set.of("apiVersion", "kind", "metadata");

    /** The served version's {@code openAPIV3Schema}, by {@code apiVersion/kind} ({@code kafka.strimzi.io/v1/Kafka}). */
    private final Map<String, JsonNode> schemas = new HashMap<>();

    private CrdSchemas() {}

    /** Every CRD of the files in {@code directory}. */
    public static CrdSchemas read(Path directory) {
        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode crd : documents(file)) {
                    if (!crd.path("kind").asText().equals("CustomResourceDefinition")) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (version.path("served").asBoolean()) {
                            crds.schemas.put(
                                    group + "/" + version.path("name").asText() + "/" + kind,
                                    version.path("schema").path("openAPIV3Schema"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crds;
    }

    /** The YAML documents of a file (a {@code ---} separated stream), empty ones left out. */
    public static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            Iterator<JsonNode> read = YAML.readValues(parser, JsonNode.class);
            while (read.hasNext()) {
                JsonNode document = read.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** Whether a schema of {@code apiVersion} and {@code kind} is known. */
    public boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + "/" + kind);
    }

    /**
     * What is wrong with a custom resource, each as {@code path: problem}; empty when it is valid. Its
     * {@code apiVersion} and {@code kind} must name a served version of a known CRD.
     */
    public List<String> problems(JsonNode resource) {
        String key = resource.path("apiVersion").asText() + "/"
                + resource.path("kind").asText();
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return List.of("no CRD serves " + key);
        }
        List<String> problems = new ArrayList<>();
        // apiVersion, kind and metadata are the API server's own (TypeMeta, ObjectMeta), whatever the CRD's schema says
        for (Iterator<Map.Entry<String, JsonNode>> fields = resource.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SERVERS_OWN.contains(field.getKey())) {
                continue;
            }
            JsonNode property = schema.path("properties").path(field.getKey());
            if (property.isMissingNode()) {
                problems.add(field.getKey() + ": not a field of " + key);
            } else {
                check(property, field.getValue(), field.getKey(), problems);
            }
        }
        schema.path("required").forEach(required -> {
            if (!resource.has(required.asText())) {
                problems.add(required.asText() + ": required");
            }
        });
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                problems.add(path + ": null");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(schema, value, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": must be a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": must be an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": must be true or false");
                }
            }
            default -> {
                if (!schema.path("properties").isMissingNode()) {
                    object(schema, value, path, problems);
                }
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void object(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": must be an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at, problems);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), at, problems);
            } else if (!preserve && !additional.asBoolean(false)) {
                problems.add(at + ": unknown field");
            }
        }
        schema.path("required").forEach(required -> {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        });
    }
}
