package org.csp.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every listed type has its approved JSON, every approved file is a listed type, and each file is a JSON object. */
class ApprovedJsonTest {

    @Test
    void everyTypeHasItsFileAndEveryFileItsType() throws IOException, URISyntaxException {
        Path folder = Path.of(
                ApprovedJson.class.getClassLoader().getResource("events").toURI());
        Set<String> files = new HashSet<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.forEach(file -> files.add(file.getFileName().toString().replaceFirst("\\.json$", "")));
        }
        assertEquals(new HashSet<>(ApprovedJson.allTypes()), files);
        assertEquals(
                ApprovedJson.allTypes().size(),
                new HashSet<>(ApprovedJson.allTypes()).size(),
                "a type is listed twice");
    }

    @Test
    void typesAreNamedByTheirTopicAndEveryFileIsAnObject() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (var topic : List.of(
                List.of("plan.", PlanEventTypes.ALL),
                List.of("measures.", MeasuresEventTypes.ALL),
                List.of("engagement.", EngagementEventTypes.ALL))) {
            for (Object type : (List<?>) topic.get(1)) {
                assertTrue(type.toString().startsWith(topic.get(0).toString()), type + " is on the wrong topic");
                assertTrue(type.toString().matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+"), type + " is not a type string");
                assertTrue(json.readTree(ApprovedJson.of(type.toString())).isObject(), type + " is not a JSON object");
            }
        }
    }
}
