package org.csp.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.csp.contracts.EventLimits;
import org.csp.problem.ProblemException;

/**
 * The refusal of an event larger than {@link EventLimits#MAX_EVENT_BYTES}: a 413 problem that says how large it would
 * be and names the field of its data that makes it so, before anything is stored.
 */
final class EventSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSize() {}

    /** A field of an event's data, by JSON pointer ({@code /details/organisations}), with its size as compact JSON. */
    record Field(String pointer, long bytes) {}

    /** The 413 for an event of {@code type} whose CloudEvent would be {@code bytes} long, with {@code payload} as data. */
    static ProblemException tooLarge(String type, long bytes, String payload) {
        Field largest = largestField(payload);
        return new ProblemException(
                413,
                "event-too-large",
                "The change is too large to store",
                ("It would make a %s event of %d bytes, and an event may have at most %d; its largest field is %s"
                                + " (about %d bytes). Send less in it, or the change in several requests.")
                        .formatted(
                                type,
                                bytes,
                                EventLimits.MAX_EVENT_BYTES,
                                largest.pointer().isEmpty() ? "the whole data" : largest.pointer(),
                                largest.bytes()));
    }

    /**
     * The field that makes the data large: from the top, the largest field, then within it the largest part as long
     * as that part holds more than half of it (so a long list is named, not one of its many items).
     */
    static Field largestField(String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Field("", payload.length());
        }
        String pointer = "";
        long size = bytes(node);
        boolean top = true;
        while (node.isContainerNode() && !node.isEmpty()) {
            String largestName = null;
            JsonNode largest = null;
            long largestBytes = -1;
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    long b = bytes(field.getValue());
                    if (b > largestBytes) {
                        largestName = field.getKey();
                        largest = field.getValue();
                        largestBytes = b;
                    }
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    long b = bytes(node.get(i));
                    if (b > largestBytes) {
                        largestName = Integer.toString(i);
                        largest = node.get(i);
                        largestBytes = b;
                    }
                }
            }
            if (!top && largestBytes * 2 <= size) {
                break;
            }
            pointer += "/" + largestName.replace("~", "~0").replace("/", "~1");
            node = largest;
            size = largestBytes;
            top = false;
        }
        return new Field(pointer, size);
    }

    private static long bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            return 0;
        }
    }
}
