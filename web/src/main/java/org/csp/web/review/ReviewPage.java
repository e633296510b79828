package org.csp.web.review;

import java.util.List;
import org.csp.web.display.Tag;
import org.csp.web.form.FormError;

/**
 * A quarter's review page: its state and what happened to it when, each priority's report (in, or missing) and,
 * for those the API lets act, the forms to open, report, close and reopen.
 *
 * @param quarter the quarter as an address writes it ({@code 2024-25-Q1})
 * @param timeline what happened to the review, oldest first ("Opened", "3 July 2024 at 10:15am")
 * @param missing the priorities whose report is missing, in words ("Priority 2: Reduce violence")
 * @param notice what the person's last form did (a success banner), or null
 * @param refusal why the person's form was not taken (a notification banner), or null
 */
public record ReviewPage(
        String quarter,
        String quarterLabel,
        Tag state,
        boolean opened,
        List<Field> timeline,
        List<Priority> priorities,
        List<Missing> missing,
        String notice,
        Refusal refusal,
        List<FormError> errors,
        Actions actions) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message of a field's error ({@code summary-2}, {@code reason}), or null. */
    public String error(String field) {
        return FormError.of(errors, field);
    }

    /** A row of a summary list. */
    public record Field(String key, String value) {}

    /** A priority whose report is missing, linked to its section. */
    public record Missing(String text, String href) {}

    /**
     * A priority of the review: its report's tag, when it came in, the summary (its paragraphs, as text), each
     * initiative as reported, and the report form when the person may submit it.
     */
    public record Priority(
            int number,
            String title,
            String headingId,
            Tag report,
            String submittedAt,
            List<String> summary,
            List<Initiative> initiatives,
            ReportForm form) {}

    /** An initiative as the priority's report recorded it. */
    public record Initiative(String id, String title, Tag status, Tag rag, String commentary) {}

    /**
     * A priority's report form: the textarea's id ({@code summary-2}), its text (the report in, or what the person
     * wrote), and whether a report is in already (the form then updates it).
     */
    public record ReportForm(boolean shown, String fieldId, String summary, boolean update) {}

    /** A refused form: a heading, and what the person can do. */
    public record Refusal(String heading, String text) {}

    /** The coordinator's forms; {@code version} the review's, sent back as {@code If-Match}. */
    public record Actions(
            boolean mayOpen, boolean mayClose, boolean mayReopen, long version, int missingCount, String reason) {}
}
