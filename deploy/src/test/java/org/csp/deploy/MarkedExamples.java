package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A document's examples marked as tested (a comment right before their fenced block), run as written with bash and
 * curl against a test stack: only the addresses are the stack's.
 */
public final class MarkedExamples {

    private MarkedExamples() {}

    /** The first fenced block after {@code marker} in {@code document}. */
    public static String block(String document, String marker, String name) {
        int at = document.indexOf(marker);
        assertTrue(at >= 0, name + " has lost the marker of its tested examples");
        int open = document.indexOf("```", at);
        int start = document.indexOf('\n', open) + 1;
        int end = document.indexOf("```", start);
        return document.substring(start, end);
    }

    /**
     * Runs {@code block} with bash ({@code set -euo pipefail}), every {@code curl} given {@code curlOptions}, a time
     * limit and a new line after its answer, and the local addresses replaced by the stack's; its output, once it has
     * ended with status 0.
     */
    static String run(LocalStack stack, String block, String curlOptions, String name)
            throws IOException, InterruptedException {
        String script = block.replace(
                        "http://127.0.0.1:8180",
                        "http://127.0.0.1:" + stack.keycloak().port())
                .replace("http://127.0.0.1:8080", stack.url("gateway"));
        return bash(
                "curl() { command curl " + curlOptions + " --show-error --max-time 30 \"$@\"; echo; }\n" + script,
                name);
    }

    /** Runs {@code script} with bash ({@code set -euo pipefail}); its output, once it has ended with status 0. */
    public static String bash(String script, String name) throws IOException, InterruptedException {
        // the answers go to a file: read from a pipe only after the end, they would fill it and stop bash
        Path log = Files.createTempFile(Path.of("target"), "examples", ".log");
        Process bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = bash.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, name + "'s examples did not finish in 3 minutes:\n" + output);
        assertEquals(0, bash.exitValue(), "an example of " + name + " failed:\n" + output);
        return output;
    }
}
