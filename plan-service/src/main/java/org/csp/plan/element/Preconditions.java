package org.csp.plan.element;

import org.csp.http.ETags;
import org.csp.problem.ProblemException;

/** Writes to something that exists name the version they were based on. */
public final class Preconditions {

    private Preconditions() {
    }

    /** The version an {@code If-Match} header names; 428 when the header is missing. */
    public static long requireIfMatch(String header) {
        Long version = ETags.parseIfMatch(header);
        if (version == null) {
            throw new ProblemException(428, "precondition-required", "If-Match is required",
                    "Changes to an existing resource must send If-Match with the ETag of the version they are based on;"
                            + " read it first.");
        }
        return version;
    }
}
