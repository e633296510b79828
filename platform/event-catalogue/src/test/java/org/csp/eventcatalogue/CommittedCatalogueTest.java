package org.csp.eventcatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/events.asyncapi.yaml and docs/events.html are what the generator makes of the event contracts today, and the
 * committed document is valid AsyncAPI 3.0.0 as it is read from the file. With {@code -Devent-catalogue.write=true}
 * the test first writes them ({@link CatalogueFiles#REGENERATE}).
 */
class CommittedCatalogueTest {

    private static final Path DOCS = Path.of("..", "..", "docs");

    @Test
    void theCommittedFilesAreTheGeneratedOnes() throws IOException {
        if (Boolean.getBoolean("event-catalogue.write")) {
            CatalogueFiles.write(DOCS);
        }
        for (Map.Entry<String, String> file : CatalogueFiles.generated().entrySet()) {
            Path committed = DOCS.resolve(file.getKey());
            String text = Files.isRegularFile(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            assertTrue(
                    text.equals(file.getValue()),
                    () -> "docs/" + file.getKey() + " is not what the event contracts give ("
                            + firstDifference(text, file.getValue())
                            + "); regenerate it from the repository's root with: " + CatalogueFiles.REGENERATE);
        }
    }

    /** Where two texts first differ, by line, so that a failure says what changed rather than printing both. */
    static String firstDifference(String committed, String generated) {
        List<String> was = committed.lines().toList();
        List<String> now = generated.lines().toList();
        for (int line = 0; line < Math.max(was.size(), now.size()); line++) {
            String before = line < was.size() ? was.get(line) : "(none)";
            String after = line < now.size() ? now.get(line) : "(none)";
            if (!before.equals(after)) {
                return "line " + (line + 1) + " is '" + before + "', generated '" + after + "'";
            }
        }
        return "they differ in line endings";
    }

    @Test
    void aDifferenceIsNamedByItsLine() {
        assertEquals("line 2 is 'b', generated 'c'", firstDifference("a\nb\n", "a\nc\n"));
        assertEquals("line 3 is '(none)', generated 'd'", firstDifference("a\nb\n", "a\nb\nd\n"));
    }

    @Test
    void theCommittedDocumentReadsBackAsTheGeneratedOneAndIsValid() throws IOException {
        var committed = CatalogueFiles.YAML.readTree(
                DOCS.resolve(CatalogueFiles.ASYNCAPI_FILE).toFile());

        assertEquals(AsyncApiDocument.of(Topic.ALL), committed, "the YAML reads back as the document it was made of");
        assertEquals(
                List.of(), AsyncApiSchema.errors(committed).stream().limit(20).toList());
    }
}
