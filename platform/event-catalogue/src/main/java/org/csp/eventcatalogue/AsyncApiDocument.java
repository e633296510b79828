package org.csp.eventcatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.csp.contracts.ApprovedJson;
import org.csp.contracts.EventLimits;

/**
 * The event catalogue as an AsyncAPI 3.0.0 document: a channel per topic with a message per event type (the type
 * string is its name and key), the CloudEvents headers, the stream id as the Kafka key, the payload's JSON Schema and
 * the approved JSON as its example; a {@code send} operation per producing service. Built only from the event
 * contracts and {@link EventDescriptions}, so the same contracts always give the same document.
 */
final class AsyncApiDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";

    /** The version of the Kafka bindings the AsyncAPI 3.0.0 schema knows last. */
    private static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final String HEADERS_SCHEMA = "CloudEventHeaders";
    private static final String SERVER = "kafka";
    private static final String SECURITY_SCHEME = "clientCertificate";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {}

    /** The document for {@code topics}. */
    static ObjectNode of(List<Topic> topics) {
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", ASYNCAPI_VERSION);
        document.set("info", info());
        document.put("defaultContentType", "application/json");
        document.set("servers", servers());
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = NODES.objectNode();
        ObjectNode schemas = components.putObject("schemas");
        schemas.set(HEADERS_SCHEMA, EventHeaders.schema());
        ObjectNode messages = components.putObject("messages");
        for (Topic topic : topics) {
            channels.set(topic.channelId(), channel(topic));
            operations.set(operationId(topic), operation(topic));
            for (String type : topic.types()) {
                schemas.set(type, payloadSchema(type));
                messages.set(type, message(topic, type));
            }
        }
        components.set("securitySchemes", securitySchemes());
        document.set("components", components);
        return document;
    }

    private static ObjectNode info() {
        ObjectNode info = NODES.objectNode();
        info.put("title", "Community safety partnership platform: events");
        // the catalogue has no release of its own: a change of an event is a new type version, listed here
        info.put("version", "1");
        info.put(
                "description",
                "Every event a service stores is published on its topic as a CloudEvent in binary mode: the record"
                        + " value is the JSON payload, the CloudEvents attributes and the platform's extensions"
                        + " (`ce_partnership`, `ce_streamversion`) are `ce_*` headers, and the record key is the"
                        + " stream id (`ce_subject`), so a stream stays in one partition, in order. A type string"
                        + " never changes meaning: a different shape is a new version, and a read-only (deprecated)"
                        + " type is an older version its service no longer writes but still reads. An event is at"
                        + " most " + EventLimits.MAX_EVENT_BYTES + " bytes as its relay publishes it (key, data and"
                        + " headers); topics take records of up to " + EventLimits.MAX_RECORD_BYTES + " bytes. Each"
                        + " payload schema is generated from the type's approved JSON (its example here): a field has"
                        + " the type of its value there (a field null there has none) and is required, unless the"
                        + " example's array elements show it may be null or absent, or the message says some events"
                        + " lack it; enums and fields null only in other events are not pinned. Generated from the"
                        + " event-contracts module by the event-catalogue module; the catalogue in words is"
                        + " docs/events.md.");
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode server = NODES.objectNode();
        server.put("host", "{bootstrap}");
        server.put("protocol", "kafka");
        server.put(
                "description",
                "The deployment's Kafka cluster: TLS, and a user per application (a client certificate) that may"
                        + " write its own topic only.");
        server.putObject("variables")
                .putObject("bootstrap")
                .put("description", "The cluster's bootstrap servers, host:port.");
        server.putArray("security").add(ref("#/components/securitySchemes/" + SECURITY_SCHEME));
        ObjectNode servers = NODES.objectNode();
        servers.set(SERVER, server);
        return servers;
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = NODES.objectNode();
        schemes.putObject(SECURITY_SCHEME)
                .put("type", "X509")
                .put("description", "A client certificate per application (mutual TLS).");
        return schemes;
    }

    private static ObjectNode streamId() {
        return NODES.objectNode()
                .put("type", "string")
                .put("minLength", 1)
                .put(
                        "description",
                        "The stream id: the record key, the same as the ce_subject header, `<partnership>:<kind>:<id>`.");
    }

    private static ObjectNode channel(Topic topic) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic.address());
        channel.put("title", topic.address());
        channel.put(
                "description",
                "The events " + topic.producer() + " stores, published from its event log in commit order. Streams"
                        + " (the record keys): " + topic.streams());
        channel.putArray("servers").add(ref("#/servers/" + SERVER));
        ObjectNode messages = channel.putObject("messages");
        for (String type : topic.types()) {
            messages.set(type, ref("#/components/messages/" + type));
        }
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", topic.address());
        ObjectNode configuration = kafka.putObject("topicConfiguration");
        configuration.putArray("cleanup.policy").add("delete");
        configuration.put("retention.ms", -1);
        configuration.put("max.message.bytes", EventLimits.MAX_RECORD_BYTES);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static String operationId(Topic topic) {
        return "send" + Character.toUpperCase(topic.channelId().charAt(0))
                + topic.channelId().substring(1);
    }

    private static ObjectNode operation(Topic topic) {
        ObjectNode operation = NODES.objectNode();
        operation.put("action", "send");
        operation.set("channel", ref("#/channels/" + topic.channelId()));
        operation.put("title", topic.producer() + " publishes " + topic.address());
        operation.put(
                "description",
                topic.producer() + "'s relay publishes every event of its log, once stored, in commit order;"
                        + " read-only types are no longer written but may be on the topic from before.");
        ArrayNode messages = operation.putArray("messages");
        for (String type : topic.types()) {
            messages.add(ref("#/channels/" + topic.channelId() + "/messages/" + type));
        }
        return operation;
    }

    private static ObjectNode payloadSchema(String type) {
        return PayloadSchema.of(approved(type), EventDescriptions.of(type).optionalFields());
    }

    private static ObjectNode message(Topic topic, String type) {
        EventType parsed = EventType.of(type);
        EventDescriptions.Description description = EventDescriptions.of(type);
        ObjectNode message = NODES.objectNode();
        message.put("name", type);
        message.put("title", parsed.title());
        message.put("summary", description.summary());
        if (!description.optionalFields().isEmpty()) {
            // sorted: a Set.of's order changes from one run to the next, the committed file must not
            message.put(
                    "description",
                    "Not every event of this type has "
                            + String.join(
                                    ", ",
                                    description.optionalFields().stream()
                                            .sorted()
                                            .toList())
                            + ".");
        }
        if (description.readOnly()) {
            message.put("deprecated", true);
        }
        message.put("contentType", "application/json");
        message.set("headers", headers(topic, type));
        message.set("payload", ref("#/components/schemas/" + type));
        message.set(
                "correlationId",
                NODES.objectNode()
                        .put("description", "The stream id: the events of a stream in their order.")
                        .put("location", "$message.header#/ce_subject"));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        // inline: the bindings' schema takes a schema or a reference, and a {$ref} object is both
        kafka.set("key", streamId());
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        message.putArray("tags").add(NODES.objectNode().put("name", description.readOnly() ? "read-only" : "written"));
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "approved");
        example.put("summary", "The type's approved JSON (events/" + type + ".json in event-contracts).");
        example.set("payload", approved(type));
        return message;
    }

    /** Every header; {@code ce_type} and {@code ce_source} fixed to the message's type and its topic's producer. */
    private static ObjectNode headers(Topic topic, String type) {
        ObjectNode fixed = NODES.objectNode();
        ObjectNode properties = fixed.putObject("properties");
        properties.putObject("ce_type").put("const", type);
        properties.putObject("ce_source").put("const", topic.producer());
        ObjectNode headers = NODES.objectNode();
        headers.putArray("allOf")
                .add(ref("#/components/schemas/" + HEADERS_SCHEMA))
                .add(fixed);
        return headers;
    }

    private static JsonNode approved(String type) {
        try {
            return JSON.readTree(ApprovedJson.of(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The approved JSON of " + type + " is not JSON", e);
        }
    }

    private static ObjectNode ref(String pointer) {
        return NODES.objectNode().put("$ref", pointer);
    }
}
