package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.csp.infrastructure.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partner API guide's worked example (docs/partner-api.md), run as written with bash and curl against a stack of
 * its own (only the addresses are the test stack's): the requests it sends with {@code curl --fail-with-body} must
 * succeed, and every answer must be the one the guide says comes back, in the guide's order.
 */
class PartnerGuideExamplesTest {

    /** The guide marks its tested block with this comment, right before it. */
    static final String MARKER =
            "<!-- The example below is run by deploy/src/test/java/org/csp/deploy/PartnerGuideExamplesTest.java -->";

    /** The answer to the first post, which its replay repeats word for word. */
    static final String FIRST_ANSWER =
            "{\"indicator\":\"ASB-INCIDENTS\",\"period\":\"2024-08\",\"geography\":\"E07000082\","
                    + "\"source\":\"gloucestershire-constabulary\",\"value\":12,\"numerator\":null,\"denominator\":null,"
                    + "\"status\":\"provisional\",\"submittedBy\":\"police-gloucestershire\",\"revision\":1}";

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
    void theGuidesExampleAnswersAsTheGuideSays() throws IOException, InterruptedException {
        String guide = Files.readString(RepoRoot.find().resolve("docs/partner-api.md"));
        String output = MarkedExamples.run(
                stack, MarkedExamples.block(guide, MARKER, "docs/partner-api.md"), "", "docs/partner-api.md");
        inOrder(
                output,
                // one figure: a new data point, and where its history is
                "HTTP/1.1 201",
                "Location: /api/indicators/ASB-INCIDENTS/data-points/E07000082/2024-08?source=gloucestershire-constabulary",
                FIRST_ANSWER,
                // the same request again: the first answer, replayed
                "HTTP/1.1 200",
                "Idempotent-Replayed: true",
                FIRST_ANSWER,
                // the JSON batch for two districts, then the CSV batch with a correction
                "{\"rows\":3,\"recorded\":3,\"revised\":0,\"unchanged\":0}",
                "{\"rows\":2,\"recorded\":1,\"revised\":1,\"unchanged\":0}",
                // a revision with its reason, then the figure made final
                "\"value\":13,\"numerator\":null,\"denominator\":null,\"status\":\"provisional\",\"submittedBy\":"
                        + "\"police-gloucestershire\",\"revision\":2}",
                "\"value\":13,\"numerator\":null,\"denominator\":null,\"status\":\"final\",\"submittedBy\":"
                        + "\"police-gloucestershire\",\"revision\":3}",
                // the history: three revisions, the reason with the second
                "\"revisions\":[{\"revision\":1,\"value\":12,",
                "{\"revision\":2,\"value\":13,\"numerator\":null,\"denominator\":null,\"status\":\"provisional\","
                        + "\"reason\":\"One incident recorded after the extract\"",
                "{\"revision\":3,\"value\":13,\"numerator\":null,\"denominator\":null,\"status\":\"final\",",
                // the refusals
                "\"type\":\"urn:csp:problem:validation-failed\"",
                "\"errors\":[{\"row\":1,\"field\":\"reason\",\"message\":\"is required to revise a final figure"
                        + " (revision 3 is final)\"}]}",
                "422",
                "\"type\":\"urn:csp:problem:idempotency-key-reused\"",
                "409");
        assertEquals(
                2, occurrences(output, FIRST_ANSWER), "the first answer should come back twice, no more:\n" + output);
        assertFalse(output.contains("\"revision\":4"), "the replay recorded a revision:\n" + output);
    }

    /** Each of {@code expected} in {@code output}, each after the one before. */
    static void inOrder(String output, String... expected) {
        int from = 0;
        for (String e : List.of(expected)) {
            int at = output.indexOf(e, from);
            assertTrue(at >= 0, "the guide's example did not answer, where the guide says, " + e + ":\n" + output);
            from = at + e.length();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
