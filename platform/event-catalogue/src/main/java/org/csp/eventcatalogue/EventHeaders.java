package org.csp.eventcatalogue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Kafka record headers every event carries: the CloudEvents 1.0 Kafka protocol binding in binary content mode
 * (attributes as {@code ce_*} headers, the JSON payload as the record value, the stream id as the record key), with the
 * platform's two extension attributes. The names are those the relays' {@code CloudEventCodec} writes; a test checks
 * them against a record it encodes.
 */
final class EventHeaders {

    // before ALL, which it builds
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A header: its name, what it holds and its JSON Schema (a header's value is always text). */
    record Header(String name, String description, ObjectNode schema) {}

    static final List<Header> ALL = List.of(
            new Header("ce_specversion", "The CloudEvents version.", constant("1.0")),
            new Header("ce_id", "The event's id, unique for ever: a consumer that has seen it skips it.", uuid()),
            new Header("ce_type", "The event type: which message this is.", text()),
            new Header("ce_source", "The service that stored the event: the topic's producer.", text()),
            new Header("ce_subject", "The stream id, the same as the record key.", text()),
            new Header("ce_time", "When the event was stored (RFC 3339, UTC).", dateTime()),
            new Header("content-type", "The record value's media type.", constant("application/json")),
            new Header(
                    "ce_partnership",
                    "Extension attribute: the partnership (or, for the county's comparator sources, the county"
                            + " board) whose event it is.",
                    text()),
            new Header(
                    "ce_streamversion",
                    "Extension attribute: the event's version in its stream (1, 2, …); consumers apply a stream's"
                            + " events in this order and hold a gap.",
                    streamVersion()));

    private EventHeaders() {}

    /** The headers as one JSON Schema object, every header required. */
    static ObjectNode schema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Header header : ALL) {
            properties.set(header.name(), header.schema().deepCopy().put("description", header.description()));
        }
        var required = schema.putArray("required");
        ALL.forEach(header -> required.add(header.name()));
        return schema;
    }

    private static ObjectNode text() {
        return NODES.objectNode().put("type", "string").put("minLength", 1);
    }

    private static ObjectNode constant(String value) {
        return NODES.objectNode().put("type", "string").put("const", value);
    }

    private static ObjectNode uuid() {
        return NODES.objectNode().put("type", "string").put("format", "uuid");
    }

    private static ObjectNode dateTime() {
        return NODES.objectNode().put("type", "string").put("format", "date-time");
    }

    private static ObjectNode streamVersion() {
        return NODES.objectNode().put("type", "string").put("pattern", "^[1-9][0-9]{0,17}$");
    }
}
