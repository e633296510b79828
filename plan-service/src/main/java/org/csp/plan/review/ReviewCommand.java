package org.csp.plan.review;

import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.plan.review.ReviewEvent.Report;

/** What can be asked of a quarterly review. */
public sealed interface ReviewCommand {

    FinancialQuarter quarter();

    /** Open the review of a quarter, expecting a report from each of these priorities. */
    record OpenReview(FinancialQuarter quarter, List<Integer> priorities) implements ReviewCommand {}

    /** Submit a priority's report. */
    record SubmitReport(FinancialQuarter quarter, Report report) implements ReviewCommand {}

    /** Close the review and freeze the quarter. */
    record CloseReview(FinancialQuarter quarter) implements ReviewCommand {}

    /** Reopen a closed review, for a reason. */
    record ReopenReview(FinancialQuarter quarter, String reason) implements ReviewCommand {}
}
