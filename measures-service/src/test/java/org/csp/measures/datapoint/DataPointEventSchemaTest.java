package org.csp.measures.datapoint;

import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.NewEvent;
import org.csp.measures.datapoint.DataPointEvent.MeasureRecorded;
import org.csp.measures.indicator.IndicatorEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stored and published events must keep their shape: each type's JSON is pinned by an approved file.
 * A deliberate change needs a new type version (…v2) and an upcaster, not an edit of the approved file.
 */
class MeasureEventSchemaTest {

    @Test
    void indicatorDefinedV1() throws IOException {
        assertPinned(IndicatorEvent.TYPES, "measures.indicator.defined.v1", DataPointDeciderTest.ASB);
    }

    @Test
    void measureRecordedV1() throws IOException {
        assertPinned(DataPointEvent.TYPES, "measures.measure.recorded.v1", new MeasureRecorded("ASB-INCIDENTS", "2024-08",
                "E07000082", new BigDecimal("12"), "provisional", "gloucestershire-constabulary", "police-gloucestershire", 1));
    }

    private static <E> void assertPinned(EventTypes<E> types, String type, E event) throws IOException {
        NewEvent encoded = types.encode(event);
        assertEquals(type, encoded.type());
        try (InputStream in = MeasureEventSchemaTest.class.getResourceAsStream("/events/" + type + ".json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(), encoded.payload());
        }
        assertEquals(event, types.decode(type, encoded.payload()));
    }
}
