package org.csp.web.engagement;

import java.util.List;

/**
 * The form to record an activity, with what the person entered kept through a refusal, its errors (each linked from
 * the error summary to its input) and the {@code Idempotency-Key} it is sent with, so that sending it twice records
 * once.
 */
public record EngagementForm(
        String idempotencyKey,
        List<Option> types,
        String title,
        DateParts start,
        DateParts end,
        String placeName,
        String placeGss,
        List<Option> priorities,
        String initiatives,
        List<Option> leadOrganisations,
        List<Option> organisations,
        String audience,
        String attendance,
        String reach,
        String outcomes,
        String refusal,
        List<Error> errors) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message of a field's error, or null. */
    public String error(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(Error::message)
                .findFirst()
                .orElse(null);
    }

    /** A choice of a select or of checkboxes. */
    public record Option(String value, String label, boolean selected) {}

    /** A date as the GOV.UK date input takes it: day, month and year as typed. */
    public record DateParts(String day, String month, String year) {}

    /** An error of the form: its field, the id of the input the summary links to, and the message. */
    public record Error(String field, String input, String message) {

        public String href() {
            return "#" + input;
        }
    }
}
