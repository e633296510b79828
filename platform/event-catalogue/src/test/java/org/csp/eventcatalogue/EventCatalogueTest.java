package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.contracts.ApprovedJson;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;
import org.junit.jupiter.api.Test;

/**
 * The document lists exactly the event types of the contracts (every type a service writes, and the older ones it
 * still reads), each under its topic's channel, sent by its topic's producer, with its type in the headers.
 */
class EventCatalogueTest {

    private static final Pattern DOCS_ROW = Pattern.compile("^\\| `([a-z.-]+\\.v\\d+)` \\|");

    private static final ObjectNode DOCUMENT = AsyncApiDocument.of(Topic.ALL);

    /** Each topic of the contracts: its address, its producer and every type on it. */
    private static final List<List<Object>> CONTRACTS = List.of(
            List.of(PlanEventTypes.TOPIC, PlanEventTypes.SOURCE, PlanEventTypes.ALL),
            List.of(MeasuresEventTypes.TOPIC, MeasuresEventTypes.SOURCE, MeasuresEventTypes.ALL),
            List.of(EngagementEventTypes.TOPIC, EngagementEventTypes.SOURCE, EngagementEventTypes.ALL));

    @Test
    void eachTopicsChannelListsExactlyItsTypes() {
        Map<String, JsonNode> channelsByAddress = new java.util.HashMap<>();
        DOCUMENT.get("channels")
                .forEach(channel -> channelsByAddress.put(channel.get("address").asText(), channel));
        assertEquals(3, channelsByAddress.size(), "one channel per topic");
        for (List<Object> topic : CONTRACTS) {
            JsonNode channel = channelsByAddress.get((String) topic.get(0));
            assertTrue(channel != null, "no channel for " + topic.get(0));
            assertEquals(topic.get(2), names(channel.get("messages")), "the messages of " + topic.get(0));
            for (JsonNode reference : channel.get("messages")) {
                JsonNode message = resolve(reference);
                String type = message.get("name").asText();
                assertEquals(
                        type,
                        message.at("/headers/allOf/1/properties/ce_type/const").asText(),
                        "ce_type of " + type);
                assertEquals(
                        topic.get(1),
                        message.at("/headers/allOf/1/properties/ce_source/const")
                                .asText(),
                        "ce_source of " + type);
            }
        }
    }

    @Test
    void everyTypeIsAMessageNamedByItsTypeWithItsPayloadSchema() {
        List<String> messages = names(DOCUMENT.get("components").get("messages"));
        assertEquals(ApprovedJson.allTypes(), messages);
        for (String type : ApprovedJson.allTypes()) {
            JsonNode message = DOCUMENT.get("components").get("messages").get(type);
            assertEquals(type, message.get("name").asText());
            assertEquals("object", resolve(message.get("payload")).get("type").asText(), "payload of " + type);
            assertTrue(
                    message.get("title")
                            .asText()
                            .endsWith(", v" + EventType.of(type).version()),
                    "the title of " + type + " names its version");
        }
    }

    @Test
    void eachProducerSendsEveryMessageOfItsTopicAndNoOther() {
        JsonNode operations = DOCUMENT.get("operations");
        assertEquals(3, operations.size(), "one operation per producer");
        for (List<Object> topic : CONTRACTS) {
            JsonNode operation = null;
            for (JsonNode candidate : operations) {
                if (resolve(candidate.get("channel")).get("address").asText().equals(topic.get(0))) {
                    operation = candidate;
                }
            }
            assertTrue(operation != null, "no operation sends " + topic.get(0));
            assertEquals("send", operation.get("action").asText());
            List<String> sent = new ArrayList<>();
            for (JsonNode reference : operation.get("messages")) {
                String pointer = reference.get("$ref").asText();
                assertTrue(
                        pointer.startsWith(candidateChannelPointer(operation)),
                        pointer + " is not a message of the operation's channel");
                sent.add(resolve(reference).get("name").asText());
            }
            assertEquals(topic.get(2), sent, "the messages sent on " + topic.get(0));
        }
    }

    @Test
    void typesTheDocsCallReadOnlyAreDeprecatedAndNoOthers() throws IOException {
        List<String> deprecated = new ArrayList<>();
        DOCUMENT.get("components").get("messages").forEach(message -> {
            if (message.path("deprecated").asBoolean(false)) {
                deprecated.add(message.get("name").asText());
            }
        });
        assertEquals(readOnlyInTheDocs(), deprecated);
    }

    @Test
    void everyTypeIsDescribedAndEveryDescriptionIsOfAType() {
        assertEquals(new HashSet<>(ApprovedJson.allTypes()), EventDescriptions.types());
        for (String type : ApprovedJson.allTypes()) {
            assertFalse(EventDescriptions.of(type).summary().isBlank(), type + " has no summary");
        }
    }

    @Test
    void theApprovedJsonIsEachMessagesExample() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String type : ApprovedJson.allTypes()) {
            assertEquals(
                    json.readTree(ApprovedJson.of(type)),
                    DOCUMENT.get("components").get("messages").get(type).at("/examples/0/payload"),
                    "the example of " + type);
        }
    }

    /**
     * The types docs/events.md marks read only ("**read only**") or superseded, in its order: the words and the
     * catalogue agree.
     */
    private static List<String> readOnlyInTheDocs() throws IOException {
        List<String> readOnly = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "..", "docs", "events.md"))) {
            Matcher row = DOCS_ROW.matcher(line);
            if (row.find() && (line.contains("**read only**") || line.contains("*superseded"))) {
                readOnly.add(row.group(1));
            }
        }
        assertFalse(readOnly.isEmpty(), "docs/events.md marks no type read only");
        return readOnly;
    }

    private static String candidateChannelPointer(JsonNode operation) {
        return operation.get("channel").get("$ref").asText() + "/messages/";
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resolve(JsonNode reference) {
        JsonNode target = reference;
        while (target.has("$ref")) {
            target = DOCUMENT.at(target.get("$ref").asText().substring(1));
            assertFalse(target.isMissingNode(), "unresolved " + reference);
        }
        return target;
    }
}
