package org.csp.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.csp.contracts.EventLimits;
import org.csp.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> namedFields() {
        return Stream.of(
                Arguments.of(
                        "one item that holds most of a list",
                        "{\"items\": [\"a\", \"" + "x".repeat(5000) + "\", \"b\"], \"title\": \"t\"}",
                        "/items/1"),
                Arguments.of(
                        "the top field even when none dominates",
                        "{\"a\": \"" + "x".repeat(100) + "\", \"b\": \"" + "y".repeat(120) + "\"}",
                        "/b"),
                Arguments.of(
                        "a pointer escapes slashes and tildes",
                        "{\"a/b~c\": \"" + "x".repeat(100) + "\", \"d\": 1}",
                        "/a~1b~0c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedFields")
    void theLargestFieldIsNamed(String what, String data, String pointer) {
        assertEquals(pointer, EventSize.largestField(data).pointer());
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
