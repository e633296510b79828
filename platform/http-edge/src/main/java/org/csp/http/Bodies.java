package org.csp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/** Reading API bodies that arrive as JSON trees (a merge patch, a plan file) with the API's strict rules. */
public final class Bodies {

    private Bodies() {}

    /** {@code current} as its API body, merged with {@code patch}, read back strictly as a {@code type}. */
    public static <B> B patch(ObjectMapper json, B current, JsonNode patch, Class<B> type) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(
                    400,
                    "malformed-body",
                    "The request body is malformed",
                    "A merge patch is a JSON object of the fields to change (null removes a field).");
        }
        return read(json, MergePatch.apply(json.valueToTree(current), patch), type);
    }

    /** A JSON tree read strictly as {@code type}: a field of the wrong type or unknown is a 400 naming it. */
    public static <B> B read(ObjectMapper json, JsonNode tree, Class<B> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            throw new ProblemException(
                    400,
                    "malformed-body",
                    "The request body is malformed",
                    "The field '" + field + "' is unknown or has a value of the wrong type.",
                    List.of(new FieldViolation(field, "is unknown or has the wrong type")));
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is malformed", "The body is not valid JSON.");
        }
    }

    /** A request body as a JSON tree, read with the API's strict rules (duplicate keys, trailing data). */
    public static JsonNode tree(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is missing", "Send a JSON object as the request body.");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    400,
                    "malformed-body",
                    "The request body is malformed",
                    "The body is not valid JSON"
                            + (e.getLocation() == null
                                    ? "."
                                    : " (line %d, column %d)."
                                            .formatted(
                                                    e.getLocation().getLineNr(),
                                                    e.getLocation().getColumnNr())));
        } catch (java.io.IOException e) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is malformed", "The body could not be read.");
        }
    }
}
