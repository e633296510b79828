package org.csp.eventsourcing.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.csp.eventsourcing.projection.UnprocessableEvent;

/**
 * The fields of a CloudEvent's data (or of an object in it), read strictly by a projection: a required field that is
 * missing, or any field of the wrong kind, makes the event an {@link UnprocessableEvent}, whose reason names the field
 * by its path ({@code details.startDate}). An optional field may be absent or null.
 */
public final class EventData {

    private final CloudEvent event;
    private final JsonNode data;
    private final String path;

    private EventData(CloudEvent event, JsonNode data, String path) {
        this.event = event;
        this.data = data;
        this.path = path;
    }

    public static EventData of(CloudEvent event) {
        return new EventData(event, event.data(), "");
    }

    /** The object {@code name}, required. */
    public EventData object(String name) {
        JsonNode node = data.get(name);
        if (node == null || !node.isObject()) {
            throw unprocessable(name, "is missing or not an object");
        }
        return new EventData(event, node, path + name + ".");
    }

    /** The object {@code name}; null when absent or null. */
    public EventData optionalObject(String name) {
        return optional(name, JsonNode::isObject, "an object", node -> new EventData(event, node, path + name + "."));
    }

    /** The objects of the array {@code name}; none when absent or null. */
    public List<EventData> objects(String name) {
        List<EventData> objects = new ArrayList<>();
        JsonNode node = array(name);
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw unprocessable(name, "is not an array of objects");
            }
            objects.add(new EventData(event, node.get(i), path + name + "[" + i + "]."));
        }
        return objects;
    }

    /** Text that is not blank, required. */
    public String text(String name) {
        JsonNode node = data.get(name);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw unprocessable(name, "is missing or not text");
        }
        return node.asText();
    }

    /** Text; null when absent or null. */
    public String optionalText(String name) {
        return optional(name, JsonNode::isTextual, "text", JsonNode::asText);
    }

    /** The texts of the array {@code name}; none when absent or null. */
    public List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array(name)) {
            if (!element.isTextual()) {
                throw unprocessable(name, "is not an array of text");
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** The whole numbers of the array {@code name}, each fitting an int; none when absent or null. */
    public List<Integer> integers(String name) {
        List<Integer> integers = new ArrayList<>();
        for (JsonNode element : array(name)) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw unprocessable(name, "is not an array of whole numbers");
            }
            integers.add(element.intValue());
        }
        return integers;
    }

    public int integer(String name) {
        Integer value = optionalInteger(name);
        if (value == null) {
            throw unprocessable(name, "is missing");
        }
        return value;
    }

    /** A whole number that fits an int; null when absent or null. */
    public Integer optionalInteger(String name) {
        return optional(
                name, node -> node.isIntegralNumber() && node.canConvertToInt(), "a whole number", JsonNode::intValue);
    }

    /** true or false; null when absent or null. */
    public Boolean optionalBoolean(String name) {
        return optional(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    public BigDecimal decimal(String name) {
        JsonNode node = data.get(name);
        if (node == null || !node.isNumber()) {
            throw unprocessable(name, "is missing or not a number");
        }
        return node.decimalValue();
    }

    /** A number; null when absent or null. */
    public BigDecimal optionalDecimal(String name) {
        JsonNode node = data.get(name);
        return node == null || node.isNull() ? null : decimal(name);
    }

    /** An object of numbers ({@code {"2024/25": 350}}) by key, in key order; empty when absent or null. */
    public SortedMap<String, BigDecimal> numbers(String name) {
        SortedMap<String, BigDecimal> numbers = new TreeMap<>();
        EventData object = optionalObject(name);
        if (object == null) {
            return numbers;
        }
        object.data.fields().forEachRemaining(field -> {
            if (!field.getValue().isNumber()) {
                throw unprocessable(name, "is not an object of numbers");
            }
            numbers.put(field.getKey(), field.getValue().decimalValue());
        });
        return numbers;
    }

    /**
     * Text read by {@code parser} (a date, a code): an unknown value (the parser returns null, or throws
     * {@link DateTimeParseException} or {@link NoSuchElementException}) makes the event unprocessable.
     */
    public <T> T parsed(String name, Function<String, T> parser) {
        String value = text(name);
        try {
            T parsed = parser.apply(value);
            if (parsed == null) {
                throw unprocessable(name, "has an unknown value");
            }
            return parsed;
        } catch (DateTimeParseException | NoSuchElementException e) {
            throw unprocessable(name, "has an unknown value");
        }
    }

    /** The event is unprocessable because of field {@code name}: {@code problem} says how. */
    public UnprocessableEvent unprocessable(String name, String problem) {
        return new UnprocessableEvent(event, "field '" + path + name + "' " + problem);
    }

    private JsonNode array(String name) {
        JsonNode node = optional(name, JsonNode::isArray, "an array", Function.identity());
        return node == null ? JsonNodeFactory.instance.arrayNode() : node;
    }

    /** Field {@code name} read by {@code read} when it {@code is} ({@code what}); null when absent or null. */
    private <T> T optional(String name, Predicate<JsonNode> is, String what, Function<JsonNode, T> read) {
        JsonNode node = data.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!is.test(node)) {
            throw unprocessable(name, "is not " + what);
        }
        return read.apply(node);
    }
}
