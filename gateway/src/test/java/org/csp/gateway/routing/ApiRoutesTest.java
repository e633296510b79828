package org.csp.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The segments {@link ApiRoutes} forwards are those {@link ServiceProxy#API_SEGMENTS} gives a service (and the API document takes). */
class ApiRoutesTest {

    @Test
    void theRoutedSegmentsAreTheServicesSegments() {
        Matcher segment = Pattern.compile("\\{segment: ([^}]*)}")
                .matcher(ApiRoutes.class.getAnnotation(Path.class).value());
        segment.find();
        Set<String> routed = new TreeSet<>(Arrays.asList(segment.group(1).split("\\|")));
        Set<String> owned = new TreeSet<>();
        ServiceProxy.API_SEGMENTS.values().forEach(owned::addAll);
        assertEquals(owned, routed);
    }
}
