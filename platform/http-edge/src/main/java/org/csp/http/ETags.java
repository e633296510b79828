package org.csp.http;

import org.csp.problem.ProblemException;

/** A stream version as an HTTP entity tag: {@code ETag: "7"}, {@code If-Match: "7"}. */
public final class ETags {

    private ETags() {}

    /** The version named by an {@code If-Match} header, or null when the header is absent. */
    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    400,
                    "invalid-if-match",
                    "If-Match is not understood",
                    "If-Match must carry an ETag returned by this API, such as \"3\".");
        }
    }

    /**
     * The version an {@code If-Match} header names, for a write to something that exists: 428 when the header is
     * missing (read the resource first and send its ETag).
     */
    public static long requireIfMatch(String header) {
        Long version = parseIfMatch(header);
        if (version == null) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "If-Match is required",
                    "Changes to an existing resource must send If-Match with the ETag of the version they are based on;"
                            + " read it first.");
        }
        return version;
    }
}
