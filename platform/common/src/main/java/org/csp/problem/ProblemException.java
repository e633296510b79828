package org.csp.problem;

import java.util.List;

/**
 * A request that cannot be served, reported to the client as {@code application/problem+json} (RFC 9457).
 * {@code type} is a stable slug; the mapper turns it into a URN.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldViolation> violations;

    public ProblemException(int status, String type, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                404, "not-found", what + " not found", "There is no " + what.toLowerCase() + " '" + id + "'.");
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(
                422,
                "validation-failed",
                "The request body is not valid",
                violations.size() == 1
                        ? violations.getFirst().field() + ": "
                                + violations.getFirst().message()
                        : violations.size() + " fields are not valid.",
                violations);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
