package org.csp.web.initiative;

import java.util.List;

/**
 * plan-service did not record a report: 412 (someone else changed the initiative since the form was shown), 422 (a
 * field is wrong, {@code errors} naming each), 403 or 409 (not this person's priority, a closed review), with the
 * problem's words.
 */
public final class ProgressRefused extends RuntimeException {

    /** A field the service named, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ProgressRefused(int status, String detail, List<FieldError> errors) {
        super("progress refused with " + status, null, false, false);
        this.status = status;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
