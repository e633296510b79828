package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.csp.infrastructure.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's examples, run as written with bash and curl against a stack of their own (only the addresses are the
 * test stack's), so that they stay true: every request must succeed ({@code curl --fail-with-body}) and do what the
 * README says it does.
 */
class ReadmeExamplesTest {

    /** The README marks its tested block with this comment, right before it. */
    static final String MARKER =
            "<!-- The examples below are run by deploy/src/test/java/org/csp/deploy/ReadmeExamplesTest.java -->";

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The first fenced block after the marker. */
    static String examples(String readme) {
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "README.md has lost the marker of its tested examples");
        int open = readme.indexOf("```", marker);
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theReadmesExamplesWorkAsWritten() throws IOException, InterruptedException {
        String block = examples(Files.readString(RepoRoot.find().resolve("README.md")));
        String script = block.replace(
                        "http://127.0.0.1:8180",
                        "http://127.0.0.1:" + stack.keycloak().port())
                .replace("http://127.0.0.1:8080", stack.url("gateway"));
        // the answers go to a file: read from a pipe only after the end, they would fill it and stop bash
        Path log = Files.createTempFile(Path.of("target"), "readme-examples", ".log");
        Process bash = new ProcessBuilder("bash", "-c", """
                set -euo pipefail
                curl() { command curl --fail-with-body --show-error --max-time 30 "$@"; echo; }
                """ + script)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = bash.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "the README's examples did not finish in 3 minutes:\n" + output);
        assertEquals(0, bash.exitValue(), "a README example failed:\n" + output);
        for (String expected : List.of(
                "\"resources\":\"Two mobile CCTV units\"",
                "\"commentary\":\"CCTV at four events\"",
                "\"title\":\"Crime prevention workshop\"",
                "\"status\":\"closed\"",
                "\"priorities\":[4]",
                "\"value\":12",
                // the county feed's CSV: its header, and Stroud's district row of the ASB incidents posted above
                "partnership,partnershipName,partnershipGss,level,geography,geographyName,indicator,",
                "stroud,Stroud District Community Safety Partnership,E07000082,district,E07000082,Stroud,ASB-INCIDENTS,")) {
            assertTrue(output.contains(expected), "the README's examples did not answer " + expected + ":\n" + output);
        }
    }
}
