package org.csp.plan.initiative;

import org.csp.eventsourcing.NewEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stored and published events must keep their shape: each type's JSON is pinned by an approved file.
 * A deliberate change needs a new type version (…v2) and an upcaster, not an edit of the approved file.
 */
class InitiativeEventSchemaTest {

    @Test
    void definedV1() throws IOException {
        assertPinned("plan.initiative.defined.v1", InitiativeDeciderTest.DEFINED);
    }

    @Test
    void updatedV1() throws IOException {
        assertPinned("plan.initiative.updated.v1",
                new InitiativeEvent.ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed"));
    }

    private static void assertPinned(String type, InitiativeEvent event) throws IOException {
        NewEvent encoded = InitiativeEvent.TYPES.encode(event);
        assertEquals(type, encoded.type());
        try (InputStream in = InitiativeEventSchemaTest.class.getResourceAsStream("/events/" + type + ".json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(), encoded.payload());
        }
        assertEquals(event, InitiativeEvent.TYPES.decode(type, encoded.payload()));
    }
}
