package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operation answers when it succeeds: a 2xx (or 3xx) response, and a schema that says what its body is. */
class ApiDocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An open operation with its problems, {@code GET path}, answering {@code success} (a JSON object of responses). */
    private static String operation(String path, String success) {
        return """
                "%s": {"get": {"operationId": "%s", "responses": {
                   "400": {"$ref": "#/components/responses/BadRequest"},
                   "429": {"$ref": "#/components/responses/TooManyRequests"}%s}}}""".formatted(path, path.replace("/", "_"), success.isEmpty() ? "" : ", " + success);
    }

    @Test
    void eachSuccessSaysWhatItAnswers() throws Exception {
        String problem = """
                {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";
        String paths = String.join(
                ",\n",
                operation("/api/named", """
                        "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                        "304": {"description": "Not modified"}"""),
                operation("/api/listed", """
                        "200": {"content": {"application/json": {"schema": {"type": "array",
                           "items": {"$ref": "#/components/schemas/Thing"}}}}}"""),
                operation("/api/csv", """
                        "200": {"content": {"text/csv": {"schema": {"type": "string"}},
                           "application/json": {"schema": {"type": "object", "properties": {"a": {}}}}}}"""),
                operation("/api/map", """
                        "200": {"content": {"application/json": {"schema": {"type": "object",
                           "additionalProperties": {"type": "number"}}}}}"""),
                operation("/api/accepted", """
                        "202": {"description": "Accepted"}, "204": {"description": "Done"}"""),
                operation("/api/redirect", """
                        "303": {"description": "See other"}"""),
                operation("/api/nothing", ""),
                operation("/api/not-modified", """
                        "304": {"$ref": "#/components/responses/NotModified"}"""),
                operation("/api/no-content", """
                        "200": {"description": "OK"}"""),
                operation("/api/no-schema", """
                        "201": {"content": {"application/json": {}, "text/csv": {}}}"""),
                operation("/api/empty", """
                        "200": {"content": {"application/json": {"schema": {}}}}"""),
                operation("/api/bare", """
                        "200": {"content": {"application/vnd.thing+json": {"schema": {"type": "object"}}}}"""),
                operation("/api/bare-items", """
                        "200": {"content": {"application/json": {"schema": {"type": "array",
                           "items": {"type": "object"}}}}}"""),
                operation("/api/referred", """
                        "200": {"$ref": "#/components/responses/Bare"}"""),
                operation("/api/cached", """
                        "200": {"headers": {"ETag": {"$ref": "#/components/headers/ETag"},
                                            "Location": {"$ref": "#/components/headers/Where"}},
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                        "304": {"$ref": "#/components/responses/NotModified"},
                        "303": {"$ref": "#/components/responses/SeeOther"}"""));
        JsonNode document = JSON.readTree("""
                {"paths": {%s},
                 "components": {
                   "schemas": {"Problem": {"type": "object"}, "Thing": {"type": "object"}},
                   "headers": {"ETag": {"schema": {"type": "string"}}},
                   "responses": {"BadRequest": %s, "TooManyRequests": %s, "NotModified": {"description": "Not modified"},
                      "Bare": {"content": {"application/json": {"schema": {"type": "object"}}}}}}}""".formatted(paths, problem, problem));

        List<String> broken = ApiDocumentRules.broken(document, path -> true);

        assertEquals(
                List.of(
                        "GET /api/nothing: no 2xx (or 3xx) response",
                        "GET /api/not-modified: no 2xx (or 3xx) response",
                        "GET /api/no-content: its 200 response has no content (a body without a schema;"
                                + " @APIResponse with @Content and @Schema names it)",
                        "GET /api/no-schema: its 201 response's application/json has no schema",
                        "GET /api/no-schema: its 201 response's text/csv has no schema",
                        "GET /api/empty: its 200 response's application/json schema {} does not say what the body is"
                                + " (name the record: @Schema(implementation = …))",
                        "GET /api/bare: its 200 response's application/vnd.thing+json schema {\"type\":\"object\"}"
                                + " does not say what the body is (name the record: @Schema(implementation = …))",
                        "GET /api/bare-items: its 200 response's application/json schema"
                                + " {\"type\":\"array\",\"items\":{\"type\":\"object\"}} does not say what the body is"
                                + " (name the record: @Schema(implementation = …))",
                        "GET /api/referred: its 200 response's application/json schema {\"type\":\"object\"} does"
                                + " not say what the body is (name the record: @Schema(implementation = …))",
                        "GET /api/cached: its 200 response's Location header refers to #/components/headers/Where,"
                                + " which the document does not hold",
                        "GET /api/cached: its 303 response refers to #/components/responses/SeeOther, which the"
                                + " document does not hold"),
                broken);
    }
}
