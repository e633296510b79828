package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    sealed interface SampleEvent {
        record Placed(String id, Place place) implements SampleEvent {}

        record Place(String name) {}
    }

    record PlaceView(String name) {}

    record SampleView(
            String id, LocalDate on, List<PlaceView> places, Map<String, Object> extra, Optional<Object> more) {}

    @Test
    void eventTypesAreNamedEventDeclaredInOneOrImplementingOne() {
        assertTrue(EventRecords.isEventType(SampleEvent.class));
        assertTrue(EventRecords.isEventType(SampleEvent.Placed.class));
        assertTrue(EventRecords.isEventType(SampleEvent.Place.class));
        assertFalse(EventRecords.isEventType(PlaceView.class));
        assertFalse(EventRecords.isEventType(SampleView.class));
    }

    @Test
    void aViewMadeOfViewsPasses() {
        SampleView view = new SampleView(
                "a",
                LocalDate.of(2024, 8, 14),
                List.of(new PlaceView("Stroud")),
                Map.of("n", 1),
                Optional.of(List.of(new PlaceView("Dursley"))));
        assertEquals(Optional.empty(), EventRecords.find(view));
        assertEquals(Optional.empty(), EventRecords.find(List.of(view, "text", 3)));
        assertEquals(Optional.empty(), EventRecords.find(null));
    }

    @Test
    void anEventRecordAnywhereInTheBodyIsFound() {
        SampleEvent.Place stored = new SampleEvent.Place("Stroud");
        assertEquals(Optional.of("$: " + SampleEvent.Place.class.getName()), EventRecords.find(stored));
        assertEquals(
                Optional.of("$[1].extra.place: " + SampleEvent.Place.class.getName()),
                EventRecords.find(List.of(
                        new SampleView("a", null, List.of(), Map.of(), Optional.empty()),
                        new SampleView("b", null, List.of(), Map.of("place", stored), Optional.empty()))));
        assertEquals(
                Optional.of("$.more[0]: " + SampleEvent.Placed.class.getName()),
                EventRecords.find(new SampleView(
                        "c", null, List.of(), Map.of(), Optional.of(List.of(new SampleEvent.Placed("x", stored))))));
    }
}
