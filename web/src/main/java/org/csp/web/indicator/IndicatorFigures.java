package org.csp.web.indicator;

import java.util.List;
import org.csp.web.form.FormError;

/**
 * The indicator page's figures as reported: the revision history of the figures shown, and, for those who may record
 * figures, the form for one figure and the CSV upload, with what the person entered kept through a refusal.
 */
public record IndicatorFigures(List<Revised> revisions, Form form, String notice) {

    /** A revision of a figure that has been revised: what was reported, when, by whom, and why. */
    public record Revised(
            String period,
            String source,
            int revision,
            String value,
            String status,
            String reportedBy,
            String recorded,
            String reason) {}

    /**
     * The forms and where they are sent ({@code key}: the Idempotency-Key they are sent with, new at every showing);
     * {@code errors} of the one-figure form name its fields, those of the upload name {@code csv} (one per bad row of
     * the file).
     */
    public record Form(String figureAction, String uploadAction, String key, Entry entry, List<FormError> errors) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The message beside a field: its error, or, for a file with several, how many there are. */
        public String error(String field) {
            List<String> messages = errors.stream()
                    .filter(e -> e.field().equals(field))
                    .map(FormError::message)
                    .toList();
            if (messages.size() > 1) {
                return "The file has " + messages.size() + " problems, listed at the top of the page. Nothing in it"
                        + " was recorded.";
            }
            return messages.isEmpty() ? null : messages.getFirst();
        }

        public boolean isFinal() {
            return "final".equals(entry.status());
        }
    }

    /** What the person entered in the one-figure form. */
    public record Entry(String period, String geography, String value, String status, String source, String reason) {}
}
