package org.csp.web.initiative;

import java.util.List;
import org.csp.web.display.Tag;
import org.csp.web.form.FormError;

/**
 * An initiative's page: the plan's template for it, its progress quarter by quarter, and, for those who report, the
 * form for a quarter's report.
 */
public record InitiativePage(
        String id,
        String title,
        String priority,
        Tag status,
        Tag rag,
        List<Field> fields,
        List<InitiativeBody.Risk> risks,
        List<Field> sara,
        List<Report> history,
        String reported,
        Form form) {

    /** A row of a summary list. */
    public record Field(String key, String value) {}

    /** A quarter's report as recorded. */
    public record Report(String quarter, Tag status, Tag rag, String commentary, String reportedBy) {}

    /**
     * The report form, with what the person entered kept through a refusal ({@code stale}: someone else reported or
     * changed the initiative since the form was shown, and the form now carries the new version).
     */
    public record Form(
            boolean shown,
            long version,
            List<Option> quarters,
            List<Option> statuses,
            List<Option> rags,
            String commentary,
            boolean stale,
            String refusal,
            List<FormError> errors) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The message of a field's error, or null. */
        public String error(String field) {
            return FormError.of(errors, field);
        }
    }

    /** A choice of a select or of radios. */
    public record Option(String value, String label, boolean selected) {}
}
