package org.csp.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    sealed interface Sample {
        record Happened(String id, LocalDate on) implements Sample {}

        record Other(int n) implements Sample {}
    }

    private final EventTypes<Sample> types = EventTypes.<Sample>builder()
            .register("test.sample.happened.v1", Sample.Happened.class)
            .build();

    @Test
    void encodesUnderTheRegisteredTypeNeverTheClassName() {
        NewEvent event = types.encode(new Sample.Happened("a", LocalDate.of(2024, 8, 1)));
        assertEquals("test.sample.happened.v1", event.type());
        assertEquals("{\"id\":\"a\",\"on\":\"2024-08-01\"}", event.payload());
    }

    @Test
    void decodesWhatItEncoded() {
        Sample.Happened happened = new Sample.Happened("a", LocalDate.of(2024, 8, 1));
        assertEquals(
                happened,
                types.decode("test.sample.happened.v1", types.encode(happened).payload()));
    }

    @Test
    void anUnknownTypeFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> types.decode("test.sample.unknown.v1", "{}"));
        assertThrows(IllegalStateException.class, () -> types.encode(new Sample.Other(1)));
    }

    @Test
    void typeStringsMustCarryAVersion() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EventTypes.<Sample>builder().register("Happened", Sample.Happened.class));
        assertThrows(
                IllegalArgumentException.class,
                () -> EventTypes.<Sample>builder().register("test.sample.happened", Sample.Happened.class));
    }
}
