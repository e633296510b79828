package org.csp.web.form;

import java.util.List;

/** A field a form's service refused, and why in words: linked from the error summary to the field ({@code #id}). */
public record FormError(String field, String message) {

    public String href() {
        return "#" + field;
    }

    /** The message of {@code field}'s error among {@code errors}, or null when it has none. */
    public static String of(List<FormError> errors, String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FormError::message)
                .findFirst()
                .orElse(null);
    }
}
