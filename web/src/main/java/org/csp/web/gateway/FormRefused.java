package org.csp.web.gateway;

import java.util.List;

/**
 * A service did not take what a form sent, for a reason the form shows to the person: 412 (someone else changed the
 * record since the form was shown), 422 (a field is wrong, {@code errors} naming each, with the row of a batch), 403
 * or 409 (not this person's record, a closed review), 400 or 413 (a file that cannot be read or is too large), with
 * the problem's words.
 */
public final class FormRefused extends RuntimeException {

    /** A field the service named, and what is wrong with it; {@code row}: the batch's row (1 first), else null. */
    public record FieldError(Integer row, String field, String message) {}

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public FormRefused(int status, String detail, List<FieldError> errors) {
        super("form refused with " + status, null, false, false);
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
