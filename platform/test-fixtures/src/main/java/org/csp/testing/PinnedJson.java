package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.NewEvent;

/**
 * Stored and published events keep their shape: each type's JSON is pinned by an approved file
 * {@code /events/<type>.json} on the test class path. A deliberate change needs a new type version (…v2) and an
 * upcaster, never an edit of the approved file.
 */
public final class PinnedJson {

    private PinnedJson() {}

    /** {@code event} is stored as {@code type}, byte for byte as pinned, and reads back equal. */
    public static <E> void assertMatches(EventTypes<E> types, String type, E event) {
        NewEvent encoded = types.encode(event);
        assertEquals(type, encoded.type(), "type string of " + event.getClass().getSimpleName());
        assertEquals(pinned(type), encoded.payload(), "JSON of " + type + " differs from /events/" + type + ".json");
        assertEquals(
                event, types.decode(type, pinned(type)), "the pinned JSON of " + type + " reads back as the event");
    }

    /** The pinned JSON of a shipped, older {@code type} still reads, upcast, as {@code expected}. */
    public static <E> void assertUpcasts(EventTypes<E> types, String type, E expected) {
        assertTrue(types.upcastTypes().contains(type), type + " has an upcaster");
        assertEquals(
                expected, types.decode(type, pinned(type)), "the pinned JSON of " + type + " upcasts to the event");
    }

    /**
     * Every type the registry knows, written today or upcast from storage, has a pinned file, so a new event type
     * cannot ship without one and an old one cannot lose its example.
     */
    public static void assertEveryTypePinned(EventTypes<?> types) {
        List<String> missing = java.util.stream.Stream.concat(types.types().stream(), types.upcastTypes().stream())
                .filter(type -> Thread.currentThread().getContextClassLoader().getResource(path(type)) == null)
                .sorted()
                .toList();
        assertTrue(missing.isEmpty(), "no pinned JSON under /events/ for " + missing);
    }

    /** The approved JSON of {@code type}, without surrounding white space. */
    public static String pinned(String type) {
        try (InputStream in = resource(type)) {
            assertNotNull(in, "/events/" + type + ".json is not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String type) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(path(type));
    }

    private static String path(String type) {
        return "events/" + type + ".json";
    }
}
