package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk through a request body's schemas finds every part without a documented limit, and only those. */
class RequestLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(String requestSchema, String schemas) throws Exception {
        return JSON.readTree("""
                {"paths": {"/api/things": {
                   "get": {"responses": {}},
                   "post": {"requestBody": {"content": {"application/json": {"schema": %s}}}}}},
                 "components": {"schemas": %s}}""".formatted(requestSchema, schemas));
    }

    @Test
    void everyUnboundedPartIsNamedThroughReferencesItemsMapsAndBranches() throws Exception {
        JsonNode document = document("""
                {"$ref": "#/components/schemas/ThingRequest"}""", """
                {"ThingRequest": {"type": "object", "properties": {
                   "title": {"type": "string"},
                   "count": {"type": ["integer", "null"], "minimum": 0},
                   "share": {"type": "number", "maximum": 100},
                   "tags": {"type": "array", "items": {"type": "string"}},
                   "parts": {"type": "array", "maxItems": 5, "items": {"$ref": "#/components/schemas/Part"}},
                   "targets": {"type": "object", "additionalProperties": {"type": "number"}},
                   "place": {"oneOf": [{"$ref": "#/components/schemas/Part"}, {"type": "string"}]},
                   "anything": {"description": "no type at all"},
                   "id": {"$ref": "#/components/schemas/Id", "type": "object"},
                   "lead": {"type": ["string", "object"], "maxLength": 80}}},
                 "Id": {"type": "string", "maxLength": 80},
                 "Part": {"type": "object", "properties": {"name": {"type": "string"}}},
                 "Unused": {"type": "object", "properties": {"name": {"type": "string"}}}}""");

        assertEquals(
                List.of(
                        "ThingRequest.title: a string without maxLength",
                        "ThingRequest.count: a number without maximum",
                        "ThingRequest.share: a number without minimum",
                        "ThingRequest.tags: an array without maxItems",
                        "ThingRequest.tags[]: a string without maxLength",
                        "Part.name: a string without maxLength",
                        "ThingRequest.targets: a map without maxProperties",
                        "ThingRequest.targets{}: a number without minimum",
                        "ThingRequest.targets{}: a number without maximum",
                        "ThingRequest.place: a string without maxLength",
                        "ThingRequest.anything: a value of any type, whose limits cannot be documented",
                        "ThingRequest.id: a value of several types [object, string], whose limits contradict each"
                                + " other",
                        "ThingRequest.lead: a value of several types [object, string], whose limits contradict each"
                                + " other"),
                RequestLimits.unbounded(document));
    }

    @Test
    void documentedLimitsListedValuesAndOpaqueBytesPass() throws Exception {
        JsonNode document = document("""
                {"type": "array", "maxItems": 10000, "items": {"$ref": "#/components/schemas/Row"}}""", """
                {"Row": {"type": "object", "properties": {
                   "title": {"type": "string", "maxLength": 200},
                   "count": {"type": "integer", "minimum": 0, "maximum": 1000},
                   "share": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
                   "tags": {"type": "array", "maxItems": 3, "items": {"type": "string", "maxLength": 80}},
                   "targets": {"type": "object", "maxProperties": 50,
                               "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
                   "figure": {"type": ["number", "null"], "$ref": "#/components/schemas/Figure"},
                   "place": {"maxLength": 200, "oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Row"}]},
                   "level": {"type": "string", "enum": ["ward", "district"]},
                   "format": {"type": "string", "const": "csp-plan/2"},
                   "upload": {"type": "string", "format": "binary"}}},
                 "Figure": {"type": "number", "minimum": 0, "maximum": 1000}}""");

        assertEquals(List.of(), RequestLimits.unbounded(document));
    }

    @Test
    void aReferenceToASchemaTheDocumentLacksIsNamed() throws Exception {
        JsonNode document = document("""
                {"$ref": "#/components/schemas/Missing"}""", "{}");

        assertEquals(
                List.of("POST /api/things (application/json): refers to #/components/schemas/Missing, which the"
                        + " document does not hold"),
                RequestLimits.unbounded(document));
    }
}
