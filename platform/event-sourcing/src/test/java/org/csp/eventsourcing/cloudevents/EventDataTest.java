package org.csp.eventsourcing.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.csp.eventsourcing.projection.UnprocessableEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A projection's strict reading of event data: what is read, and the reason that names a field it cannot read. */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventData data(String json) throws IOException {
        return EventData.of(new CloudEvent(
                "e-1",
                "engagement-service",
                "engagement.activity.recorded.v2",
                "stroud:engagement:1",
                1,
                "stroud",
                Instant.EPOCH,
                JSON.readTree(json)));
    }

    private static void assertUnprocessable(String reason, Executable read) {
        UnprocessableEvent refused = assertThrows(UnprocessableEvent.class, read);
        assertEquals(reason, refused.getMessage());
        assertEquals("e-1", refused.event().id());
    }

    @Test
    void fieldsAreReadByKindAndOptionalOnesMayBeAbsentOrNull() throws IOException {
        EventData d = data("""
                {"id": "a", "note": null, "count": 3, "value": 12.5, "tags": ["x", "y"],
                 "targets": {"2025/26": 2, "2024/25": 1.5},
                 "details": {"startDate": "2024-08-14", "place": null}, "results": [{"percentage": 71.5}, {}]}""");
        assertEquals("a", d.text("id"));
        assertNull(d.optionalText("note"));
        assertNull(d.optionalText("absent"));
        assertEquals(3, d.integer("count"));
        assertNull(d.optionalInteger("absent"));
        assertEquals(new BigDecimal("12.5"), d.decimal("value"));
        assertNull(d.optionalDecimal("note"));
        assertEquals(List.of("x", "y"), d.texts("tags"));
        assertEquals(List.of(), d.texts("absent"));
        assertEquals(
                new TreeMap<>(Map.of("2024/25", new BigDecimal("1.5"), "2025/26", new BigDecimal("2"))),
                d.numbers("targets"));
        assertEquals(LocalDate.of(2024, 8, 14), d.object("details").parsed("startDate", LocalDate::parse));
        assertNull(d.object("details").optionalObject("place"));
        List<EventData> results = d.objects("results");
        assertEquals(new BigDecimal("71.5"), results.get(0).optionalDecimal("percentage"));
        assertNull(results.get(1).optionalDecimal("percentage"));
    }

    @Test
    void aFieldThatCannotBeReadMakesTheEventUnprocessableNamingItsPath() throws IOException {
        EventData d = data("""
                {"id": " ", "count": 2.5, "big": 3000000000, "tags": ["x", 1], "targets": {"2025/26": "many"},
                 "details": {"startDate": "14/08/2024", "place": "Stroud"}, "results": [{"percentage": "high"}]}""");
        assertUnprocessable("field 'id' is missing or not text", () -> d.text("id"));
        assertUnprocessable("field 'absent' is missing or not text", () -> d.text("absent"));
        assertUnprocessable("field 'count' is not a whole number", () -> d.integer("count"));
        assertUnprocessable("field 'big' is not a whole number", () -> d.optionalInteger("big"));
        assertUnprocessable("field 'tags' is not an array of text", () -> d.texts("tags"));
        assertUnprocessable("field 'targets' is not an object of numbers", () -> d.numbers("targets"));
        assertUnprocessable(
                "field 'details.startDate' has an unknown value",
                () -> d.object("details").parsed("startDate", LocalDate::parse));
        assertUnprocessable(
                "field 'details.place' is not an object",
                () -> d.object("details").optionalObject("place"));
        assertUnprocessable("field 'absent' is missing or not an object", () -> d.object("absent"));
        assertUnprocessable(
                "field 'results[0].percentage' is missing or not a number",
                () -> d.objects("results").getFirst().optionalDecimal("percentage"));
        assertUnprocessable(
                "field 'details.startDate' has an unknown value",
                () -> d.object("details").parsed("startDate", s -> null));
    }

    @Test
    void theReasonCarriesTheEventItCameFrom() throws IOException {
        EventData d = data("{}");
        UnprocessableEvent refused = d.unprocessable("period", "is not a period");
        assertEquals("field 'period' is not a period", refused.getMessage());
        assertSame(refused.event(), d.unprocessable("other", "x").event());
    }
}
