package org.csp.engagement.activity;

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
class ActivityEventSchemaTest {

    @Test
    void recordedV1() throws IOException {
        String type = "engagement.activity.recorded.v1";
        NewEvent encoded = ActivityEvent.TYPES.encode(ActivityDeciderTest.WORKSHOP);
        assertEquals(type, encoded.type());
        try (InputStream in = ActivityEventSchemaTest.class.getResourceAsStream("/events/" + type + ".json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(), encoded.payload());
        }
        assertEquals(ActivityDeciderTest.WORKSHOP, ActivityEvent.TYPES.decode(type, encoded.payload()));
    }
}
