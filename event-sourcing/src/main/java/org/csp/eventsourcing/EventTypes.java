package org.csp.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The explicit mapping between an aggregate's event records and their stored type strings
 * ({@code plan.initiative.updated.v1}); a class name never reaches the store or the wire.
 * Payloads are written with one fixed JSON configuration so that stored events do not change shape
 * when the REST layer's configuration does.
 */
public final class EventTypes<E> {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Class<? extends E>> classes;
    private final Map<Class<?>, String> types;

    private EventTypes(Map<String, Class<? extends E>> classes) {
        this.classes = Map.copyOf(classes);
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        classes.forEach((type, cls) -> byClass.put(cls, type));
        this.types = Map.copyOf(byClass);
    }

    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    public String typeOf(E event) {
        String type = types.get(event.getClass());
        if (type == null) {
            throw new IllegalStateException("No event type registered for " + event.getClass().getSimpleName());
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

    /** Decodes a stored event; an unknown type or unreadable payload fails loudly, it is never skipped. */
    public E decode(String type, String payload) {
        Class<? extends E> cls = classes.get(type);
        if (cls == null) {
            throw new IllegalStateException("Unknown event type '" + type + "'");
        }
        try {
            return JSON.readValue(payload, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored event of type '" + type + "'", e);
        }
    }

    public E decode(StoredEvent event) {
        return decode(event.type(), event.payload());
    }

    public Set<String> types() {
        return classes.keySet();
    }

    public static final class Builder<E> {
        private final Map<String, Class<? extends E>> classes = new LinkedHashMap<>();

        public Builder<E> register(String type, Class<? extends E> cls) {
            if (!type.matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+")) {
                throw new IllegalArgumentException("Event type '" + type + "' must look like service.aggregate.event.v1");
            }
            if (classes.putIfAbsent(type, cls) != null || classes.values().stream().filter(cls::equals).count() > 1) {
                throw new IllegalArgumentException("Event type or class registered twice: " + type);
            }
            return this;
        }

        public EventTypes<E> build() {
            return new EventTypes<>(classes);
        }
    }
}
