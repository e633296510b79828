package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated document is AsyncAPI 3.0.0 by the official JSON Schema, and the schema does refuse a wrong one. */
class AsyncApiValidationTest {

    @Test
    void theCatalogueIsAValidAsyncApi3Document() {
        ObjectNode document = AsyncApiDocument.of(Topic.ALL);

        assertEquals("3.0.0", document.get("asyncapi").asText());
        assertEquals(
                List.of(), AsyncApiSchema.errors(document).stream().limit(20).toList());
    }

    @Test
    void aChannelWhoseAddressIsNotTextIsRefused() {
        ObjectNode document = AsyncApiDocument.of(Topic.ALL);
        ((ObjectNode) document.get("channels").get("planEvents")).put("address", 42);

        List<Error> errors = AsyncApiSchema.errors(document);

        assertFalse(errors.isEmpty(), "a numeric channel address passed");
        assertTrue(
                errors.stream()
                        .anyMatch(
                                error -> error.getInstanceLocation().toString().contains("address")),
                "no error names the address: " + errors);
    }

    @Test
    void anAsyncApi2PublishOperationIsRefused() {
        ObjectNode document = AsyncApiDocument.of(Topic.ALL);
        ((ObjectNode) document.get("operations").get("sendPlanEvents")).put("action", "publish");

        assertFalse(AsyncApiSchema.errors(document).isEmpty(), "action 'publish' (AsyncAPI 2's word) passed");
    }

    @Test
    void aMessageWithoutItsPayloadWherePayloadsGoIsRefused() {
        ObjectNode document = AsyncApiDocument.of(Topic.ALL);
        ObjectNode message =
                (ObjectNode) document.get("components").get("messages").get("plan.plan.revised.v1");
        message.set("message", message.remove("payload"));

        assertFalse(AsyncApiSchema.errors(document).isEmpty(), "a payload under an unknown key passed");
    }
}
