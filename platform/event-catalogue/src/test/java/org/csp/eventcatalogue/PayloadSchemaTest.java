package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Set;
import org.csp.contracts.ApprovedJson;
import org.junit.jupiter.api.Test;

/** A payload's JSON Schema is read from its approved JSON: types, required fields, nested objects and arrays. */
class PayloadSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Test
    void everyFieldHasItsExamplesTypeAndIsRequired() throws Exception {
        JsonNode schema = PayloadSchema.of(JSON.readTree("""
                        {"id":"P1","count":3,"share":0.5,"open":true,"lead":null,"tags":["a"],"none":[],
                         "risks":[{"owner":"x","level":2}],"definition":{"title":"t"}}"""), Set.of());

        assertEquals(JSON.readTree("""
                        {"type":"object","properties":{
                          "id":{"type":"string"},"count":{"type":"number"},"share":{"type":"number"},
                          "open":{"type":"boolean"},"lead":{"description":"null in the approved example"},
                          "tags":{"type":"array","items":{"type":"string"}},"none":{"type":"array","items":{}},
                          "risks":{"type":"array","items":{"type":"object",
                            "properties":{"owner":{"type":"string"},"level":{"type":"number"}},
                            "required":["owner","level"]}},
                          "definition":{"type":"object","properties":{"title":{"type":"string"}},"required":["title"]}},
                         "required":["id","count","share","open","lead","tags","none","risks","definition"]}"""), schema);
    }

    @Test
    void anArraysItemsHaveTheSchemaItsElementsShare() throws Exception {
        JsonNode schema = PayloadSchema.of(JSON.readTree("""
                        {"initiatives":[{"id":"P1","status":"on-track","note":"x"},{"id":"P2","status":null}]}"""), Set.of());

        assertEquals(JSON.readTree("""
                        {"type":"object","properties":{
                          "id":{"type":"string"},"status":{"type":["string","null"]},"note":{"type":"string"}},
                         "required":["id","status"]}"""), schema.at("/properties/initiatives/items"));
    }

    @Test
    void anOptionalFieldIsNotRequired() throws Exception {
        JsonNode schema = PayloadSchema.of(JSON.readTree("{\"value\":1,\"numerator\":1}"), Set.of("numerator"));

        assertEquals(JSON.readTree("[\"value\"]"), schema.get("required"));
    }

    @Test
    void anOptionalFieldMustBeInTheExampleAndThePayloadAnObject() throws Exception {
        assertThrows(
                IllegalArgumentException.class, () -> PayloadSchema.of(JSON.readTree("{\"value\":1}"), Set.of("x")));
        assertThrows(IllegalArgumentException.class, () -> PayloadSchema.of(JSON.readTree("[1]"), Set.of()));
    }

    @Test
    void everyApprovedJsonMatchesItsSchemaAndAFieldOfTheWrongTypeDoesNot() throws Exception {
        JsonNode schemas = AsyncApiDocument.of(Topic.ALL).get("components").get("schemas");
        for (String type : ApprovedJson.allTypes()) {
            Schema schema = DRAFT_7.getSchema(schemas.get(type));
            JsonNode approved = JSON.readTree(ApprovedJson.of(type));
            assertEquals(List.of(), schema.validate(approved), type);

            String firstField = approved.fieldNames().next();
            var wrong = approved.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) wrong)
                    .putArray(firstField)
                    .addArray();
            assertFalse(schema.validate(wrong).isEmpty(), type + " took an array of arrays for " + firstField);
        }
    }
}
