package org.csp.web.form;

/**
 * A field a form's page names as wrong, with the message shown both in the error summary (linking to the field by its
 * id) and beside the field.
 */
public record FieldError(String field, String message) {

    public String href() {
        return "#" + field;
    }
}
