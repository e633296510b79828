package org.csp.plan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.plan.SampleEvents;
import org.csp.plan.review.ReviewCommand.CloseReview;
import org.csp.plan.review.ReviewCommand.OpenReview;
import org.csp.plan.review.ReviewCommand.ReopenReview;
import org.csp.plan.review.ReviewCommand.SubmitReport;
import org.csp.plan.review.ReviewEvent.Report;
import org.csp.plan.review.ReviewEvent.ReportSubmitted;
import org.csp.plan.review.ReviewEvent.ReviewClosed;
import org.csp.plan.review.ReviewEvent.ReviewOpened;
import org.csp.plan.review.ReviewEvent.ReviewReopened;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class QuarterlyReviewDeciderTest {

    private static final DeciderSpec<ReviewCommand, ReviewEvent, QuarterlyReview> REVIEW =
            DeciderSpec.of(QuarterlyReview.DECIDER);
    private static final FinancialQuarter Q3 =
            FinancialQuarter.parse("2024/25 Q3").orElseThrow();
    private static final ReviewOpened OPENED = new ReviewOpened("2024/25 Q3", List.of(1, 2));
    private static final Report REPORT = SampleEvents.REPORT;
    private static final ReportSubmitted SUBMITTED = new ReportSubmitted("2024/25 Q3", REPORT);

    @Test
    void openingExpectsAReportFromEachPriority() {
        REVIEW.given().when(new OpenReview(Q3, List.of(2, 1))).then(OPENED);
        REVIEW.given(OPENED)
                .thenState(state -> assertEquals(List.of(1, 2), ((QuarterlyReview.Opened) state).missingReports()));
    }

    @Test
    void aQuarterHasOneReview() {
        REVIEW.given(OPENED).when(new OpenReview(Q3, List.of(1, 2))).thenRejected("review-exists");
    }

    @Test
    void reportsAreCollectedAndAResubmissionReplaces() {
        REVIEW.given(OPENED).when(new SubmitReport(Q3, REPORT)).then(SUBMITTED);
        REVIEW.given(OPENED, SUBMITTED).when(new SubmitReport(Q3, REPORT)).thenNothing();
        Report revised = new Report(1, "Revised summary", REPORT.initiatives());
        REVIEW.given(OPENED, SUBMITTED)
                .when(new SubmitReport(Q3, revised))
                .then(new ReportSubmitted("2024/25 Q3", revised));
        REVIEW.given(OPENED, SUBMITTED)
                .thenState(state -> assertEquals(List.of(2), ((QuarterlyReview.Opened) state).missingReports()));
    }

    @Test
    void aPriorityNotInTheReviewCannotReport() {
        REVIEW.given(OPENED)
                .when(new SubmitReport(Q3, new Report(3, "x", List.of())))
                .thenInvalid("priority");
    }

    @Test
    void closingCarriesWhatWasReportedAndWhatIsMissing() {
        REVIEW.given(OPENED, SUBMITTED)
                .when(new CloseReview(Q3))
                .then(new ReviewClosed("2024/25 Q3", List.of(REPORT), List.of(2)));
    }

    @Test
    void aClosedReviewTakesNoReportUntilReopenedWithAReason() {
        ReviewClosed closed = new ReviewClosed("2024/25 Q3", List.of(REPORT), List.of(2));
        REVIEW.given(OPENED, SUBMITTED, closed)
                .when(new SubmitReport(Q3, REPORT))
                .thenRejected("review-closed");
        REVIEW.given(OPENED, SUBMITTED, closed).when(new CloseReview(Q3)).thenRejected("review-closed");
        REVIEW.given(OPENED).when(new ReopenReview(Q3, "why")).thenRejected("review-open");
        ReviewReopened reopened = new ReviewReopened("2024/25 Q3", "Police figures corrected");
        REVIEW.given(OPENED, SUBMITTED, closed)
                .when(new ReopenReview(Q3, "Police figures corrected"))
                .then(reopened);
        REVIEW.given(OPENED, SUBMITTED, closed, reopened)
                .when(new SubmitReport(Q3, new Report(2, "late", List.of())))
                .then(new ReportSubmitted("2024/25 Q3", new Report(2, "late", List.of())));
    }

    /** The lifecycle's states: not opened, open, closed, open again (with its reason), each with what it holds. */
    @Test
    void aReviewMovesFromOpenToClosedAndBack() {
        ReviewClosed closed = new ReviewClosed("2024/25 Q3", List.of(REPORT), List.of(2));
        ReviewReopened reopened = new ReviewReopened("2024/25 Q3", "Police figures corrected");
        REVIEW.given().thenState(state -> assertInstanceOf(QuarterlyReview.NotOpened.class, state));
        REVIEW.given(OPENED, SUBMITTED)
                .thenState(state -> assertEquals(
                        "open",
                        assertInstanceOf(QuarterlyReview.Open.class, state).status()));
        REVIEW.given(OPENED, SUBMITTED, closed).thenState(state -> {
            QuarterlyReview.Closed review = assertInstanceOf(QuarterlyReview.Closed.class, state);
            assertEquals("closed", review.status());
            assertEquals(REPORT, review.reports().get(1));
        });
        REVIEW.given(OPENED, SUBMITTED, closed, reopened).thenState(state -> {
            QuarterlyReview.Open review = assertInstanceOf(QuarterlyReview.Open.class, state);
            assertEquals(List.of("Police figures corrected"), review.reopenReasons());
            assertEquals(List.of(2), review.missingReports());
        });
        REVIEW.given(OPENED, SUBMITTED, closed)
                .when(new OpenReview(Q3, List.of(1)))
                .thenRejected("review-exists");
        REVIEW.given().when(new ReopenReview(Q3, "why")).thenRejected("not-defined");
    }

    @Test
    void noReviewNoReport() {
        REVIEW.given().when(new SubmitReport(Q3, REPORT)).thenRejected("not-defined");
        REVIEW.given().when(new CloseReview(Q3)).thenRejected("not-defined");
    }
}
