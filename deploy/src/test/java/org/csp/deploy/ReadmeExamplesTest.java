package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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

    @Test
    void theReadmesExamplesWorkAsWritten() throws IOException, InterruptedException {
        String block =
                MarkedExamples.block(Files.readString(RepoRoot.find().resolve("README.md")), MARKER, "README.md");
        String output = MarkedExamples.run(stack, block, "--fail-with-body", "README.md");
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
