package org.csp.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The explicit mapping between an aggregate's event records and their stored type strings
 * ({@code plan.initiative.updated.v1}); a class name never reaches the store or the wire.
 * Payloads are written with one fixed JSON configuration so that stored events do not change shape
 * when the REST layer's configuration does. A type that has shipped stays readable after its successor
 * replaces it: an {@linkplain Builder#upcast upcaster} turns its stored payload into the successor's shape.
 */
public final class EventTypes<E> {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Class<? extends E>> classes;
    private final Map<Class<?>, String> types;
    private final Map<String, Upcaster> upcasters;

    /** How a stored payload of an older type becomes a payload of its successor. */
    private record Upcaster(String successor, UnaryOperator<ObjectNode> transform) {}

    private EventTypes(Map<String, Class<? extends E>> classes, Map<String, Upcaster> upcasters) {
        this.classes = Map.copyOf(classes);
        this.upcasters = Map.copyOf(upcasters);
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        classes.forEach((type, cls) -> byClass.put(cls, type));
        this.types = Map.copyOf(byClass);
    }

    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    /** For an upcaster: a new object with the fields {@code names} of {@code from} as they are (null when absent). */
    public static ObjectNode fields(ObjectNode from, String... names) {
        ObjectNode copy = JSON.createObjectNode();
        for (String name : names) {
            copy.set(name, from.get(name));
        }
        return copy;
    }

    public String typeOf(E event) {
        String type = types.get(event.getClass());
        if (type == null) {
            throw new IllegalStateException(
                    "No event type registered for " + event.getClass().getSimpleName());
        }
        return type;
    }

    public NewEvent encode(E event) {
        try {
            return new NewEvent(typeOf(event), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + typeOf(event), e);
        }
    }

    /**
     * Decodes a stored event, upcasting an older type to its current successor first; an unknown type or
     * unreadable payload fails loudly, it is never skipped.
     */
    public E decode(String type, String payload) {
        try {
            if (upcasters.containsKey(type)) {
                ObjectNode node = (ObjectNode) JSON.readTree(payload);
                String current = type;
                while (upcasters.containsKey(current)) {
                    Upcaster upcaster = upcasters.get(current);
                    node = upcaster.transform().apply(node);
                    current = upcaster.successor();
                }
                return JSON.treeToValue(node, classOf(current));
            }
            return JSON.readValue(payload, classOf(type));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Cannot read a stored event of type '" + type + "'", e);
        }
    }

    /** The record class events of a type written today decode to; an unknown type fails loudly. */
    public Class<? extends E> classOf(String type) {
        Class<? extends E> cls = classes.get(type);
        if (cls == null) {
            throw new IllegalStateException("Unknown event type '" + type + "'");
        }
        return cls;
    }

    public E decode(StoredEvent event) {
        return decode(event.type(), event.payload());
    }

    /** The types written today. */
    public Set<String> types() {
        return classes.keySet();
    }

    /** Older types that are still read, each upcast to a type written today. */
    public Set<String> upcastTypes() {
        return upcasters.keySet();
    }

    /** Every type read: those written today and the older ones upcast. */
    public Set<String> readTypes() {
        Set<String> all = new java.util.HashSet<>(classes.keySet());
        all.addAll(upcasters.keySet());
        return all;
    }

    /** Whether events of this type, current or older, can be read. */
    public boolean reads(String type) {
        return classes.containsKey(type) || upcasters.containsKey(type);
    }

    public static final class Builder<E> {
        private final Map<String, Class<? extends E>> classes = new LinkedHashMap<>();
        private final Map<String, Upcaster> upcasters = new LinkedHashMap<>();

        public Builder<E> register(String type, Class<? extends E> cls) {
            checkName(type);
            if (classes.putIfAbsent(type, cls) != null
                    || classes.values().stream().filter(cls::equals).count() > 1) {
                throw new IllegalArgumentException("Event type or class registered twice: " + type);
            }
            return this;
        }

        /**
         * Keeps a shipped type readable after {@code successor} replaced it: its stored payloads are rewritten by
         * {@code transform} (on a copy) when read. The successor may itself be upcast further.
         */
        public Builder<E> upcast(String type, String successor, UnaryOperator<ObjectNode> transform) {
            checkName(type);
            if (classes.containsKey(type) || upcasters.putIfAbsent(type, new Upcaster(successor, transform)) != null) {
                throw new IllegalArgumentException("Event type registered twice: " + type);
            }
            return this;
        }

        public EventTypes<E> build() {
            for (Map.Entry<String, Upcaster> entry : upcasters.entrySet()) {
                String end = entry.getValue().successor();
                for (int hops = 0; upcasters.containsKey(end) && hops <= upcasters.size(); hops++) {
                    end = upcasters.get(end).successor();
                }
                if (!classes.containsKey(end)) {
                    throw new IllegalArgumentException(
                            "Upcaster of " + entry.getKey() + " does not end at a registered type");
                }
            }
            return new EventTypes<>(classes, upcasters);
        }

        private static void checkName(String type) {
            if (!type.matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+")) {
                throw new IllegalArgumentException(
                        "Event type '" + type + "' must look like service.aggregate.event.v1");
            }
        }
    }
}
