package org.csp.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.vertx.core.json.JsonObject;

/**
 * A folded state as the JSON a query table keeps ({@code jsonb}), written with the events' fixed configuration so
 * that a row reads back as the state it was written from. The table is derived data: a state that no longer reads
 * means its table must be rebuilt from the events.
 */
public final class StateJson {

    private StateJson() {}

    public static JsonObject write(Object state) {
        try {
            return new JsonObject(EventTypes.JSON.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + state.getClass().getSimpleName(), e);
        }
    }

    public static <S> S read(JsonObject json, Class<S> type) {
        return read(json, EventTypes.JSON.getTypeFactory().constructType(type));
    }

    public static <S> S read(JsonObject json, JavaType type) {
        try {
            return EventTypes.JSON.readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "A stored " + type.getRawClass().getSimpleName() + " is unreadable; rebuild its table", e);
        }
    }
}
