package org.csp.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The approved JSON of every event type ({@code events/<type>.json} in this module): what a producer's schema test
 * pins its encoding to and what a consumer's tests publish. A deliberate change of shape is a new type version with an
 * upcaster, never an edit of an approved file.
 */
public final class ApprovedJson {

    private ApprovedJson() {}

    /** Every type of every topic. */
    public static List<String> allTypes() {
        List<String> all = new ArrayList<>(PlanEventTypes.ALL);
        all.addAll(MeasuresEventTypes.ALL);
        all.addAll(EngagementEventTypes.ALL);
        return List.copyOf(all);
    }

    /** Whether {@code type} has an approved file. */
    public static boolean exists(String type) {
        return ApprovedJson.class.getClassLoader().getResource(path(type)) != null;
    }

    /** The approved JSON of {@code type}, without surrounding white space. */
    public static String of(String type) {
        try (InputStream in = ApprovedJson.class.getClassLoader().getResourceAsStream(path(type))) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "No approved JSON for event type '" + type + "' (" + path(type) + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String type) {
        return "events/" + type + ".json";
    }
}
