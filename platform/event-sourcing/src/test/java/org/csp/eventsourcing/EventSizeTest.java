package org.csp.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.csp.contracts.EventLimits;
import org.csp.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Which field of an event's data a refusal names. */
class EventSizeTest {

    private static String names(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "\"Organisation number " + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void aLongListIsNamedRatherThanOneOfItsItems() {
        String data = "{\"engagementId\": \"e1\", \"details\": {\"title\": \"Workshop\", \"organisations\": "
                + names(1000) + "}}";
        EventSize.Field field = EventSize.largestField(data);
        assertEquals("/details/organisations", field.pointer());
        assertTrue(field.bytes() > 20_000, "its size: " + field.bytes());
    }

    @Test
    void oneItemThatHoldsMostOfAListIsNamed() {
        String data = "{\"items\": [\"a\", \"" + "x".repeat(5000) + "\", \"b\"], \"title\": \"t\"}";
        assertEquals("/items/1", EventSize.largestField(data).pointer());
    }

    @Test
    void theTopFieldIsNamedEvenWhenNoneDominates() {
        String data = "{\"a\": \"" + "x".repeat(100) + "\", \"b\": \"" + "y".repeat(120) + "\"}";
        assertEquals("/b", EventSize.largestField(data).pointer());
    }

    @Test
    void aPointerEscapesSlashesAndTildes() {
        String data = "{\"a/b~c\": \"" + "x".repeat(100) + "\", \"d\": 1}";
        assertEquals("/a~1b~0c", EventSize.largestField(data).pointer());
    }

    @Test
    void theRefusalIsA413ThatSaysHowLargeAndWhere() {
        ProblemException refused = EventSize.tooLarge(
                "engagement.activity.recorded.v2", 300_000, "{\"details\": {\"organisations\": " + names(1000) + "}}");
        assertEquals(413, refused.status());
        assertEquals("event-too-large", refused.type());
        assertTrue(refused.getMessage().contains("/details/organisations"), refused.getMessage());
        assertTrue(refused.getMessage().contains("300000 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at most " + EventLimits.MAX_EVENT_BYTES), refused.getMessage());
    }
}
