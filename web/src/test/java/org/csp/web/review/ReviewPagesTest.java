package org.csp.web.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.form.FormError;
import org.csp.web.gateway.FormRefused;
import org.junit.jupiter.api.Test;

class ReviewPagesTest {

    private static final FinancialQuarter Q1 = new FinancialQuarter(2024, 1);

    private static final List<ReviewBody.PriorityStatus> EXPECTED = List.of(
            new ReviewBody.PriorityStatus(2, "Reduce violence", false),
            new ReviewBody.PriorityStatus(1, "Tackle anti-social behaviour", true),
            new ReviewBody.PriorityStatus(3, "Protect the vulnerable", false));

    private static ReviewBody review(String status, List<String> reopenReasons) {
        return new ReviewBody(
                "2024/25 Q1",
                status,
                EXPECTED,
                List.of(new ReviewBody.Report(
                        1,
                        "Patrols <b>doubled</b>.\n\nFunding agreed.",
                        List.of(new ReviewBody.ReportedInitiative(
                                "P1-02", "Town centre patrols", "at-risk", "amber", null)))),
                reopenReasons,
                9);
    }

    private static ReviewEventBody event(String type, String at, String... fields) {
        return new ReviewEventBody(
                type,
                OffsetDateTime.parse(at),
                List.of(fields).stream().map(ReviewEventBody.Change::new).toList());
    }

    private static final List<ReviewEventBody> HISTORY = List.of(
            event(ReviewPages.OPENED, "2024-07-01T09:05:00Z", "/status", "/quarter"),
            event(ReviewPages.REPORT_SUBMITTED, "2024-07-10T14:30:00Z", "/reports/1"),
            event(ReviewPages.REPORT_SUBMITTED, "2024-07-12T08:00:00Z", "/reports/1/summary"),
            event(ReviewPages.CLOSED, "2024-12-20T12:00:00Z", "/status"),
            event(ReviewPages.REOPENED, "2025-01-06T10:00:00Z", "/status", "/reopenReasons"));

    private static ReviewPage page(ReviewBody review, boolean coordinator, Set<Integer> reportable) {
        return ReviewPages.page(
                Q1, review, HISTORY, coordinator, reportable, ReviewPages.Entered.NOTHING, null, List.of(), null);
    }

    /** The page of an open review after the coordinator sent a form that was refused. */
    private static ReviewPage coordinatorSent(
            ReviewPages.Entered entered, ReviewPage.Refusal refusal, List<FormError> errors) {
        return ReviewPages.page(
                Q1, review("open", List.of()), HISTORY, true, Set.of(1, 2, 3), entered, refusal, errors, null);
    }

    @Test
    void aQuarterWithoutAReviewSaysItIsNotOpenedAndOffersOpeningOnlyToTheCoordinator() {
        ReviewPage coordinator = ReviewPages.page(
                Q1, null, List.of(), true, Set.of(), ReviewPages.Entered.NOTHING, null, List.of(), null);
        assertEquals("Review not opened", coordinator.state().text());
        assertFalse(coordinator.opened());
        assertTrue(coordinator.actions().mayOpen());
        assertFalse(coordinator.actions().mayClose());
        assertTrue(coordinator.priorities().isEmpty());
        ReviewPage viewer = ReviewPages.page(
                Q1, null, List.of(), false, Set.of(), ReviewPages.Entered.NOTHING, null, List.of(), null);
        assertFalse(viewer.actions().mayOpen());
    }

    @Test
    void theMissingReportsAreListedInPriorityOrderWithTheirTags() {
        ReviewPage page = page(review("open", List.of()), false, Set.of());
        assertEquals(
                List.of("Priority 2: Reduce violence", "Priority 3: Protect the vulnerable"),
                page.missing().stream().map(ReviewPage.Missing::text).toList());
        assertEquals("#priority-2", page.missing().get(0).href());
        assertEquals(
                List.of(1, 2, 3),
                page.priorities().stream().map(ReviewPage.Priority::number).toList());
        assertEquals("Report submitted", page.priorities().get(0).report().text());
        assertEquals("Report missing", page.priorities().get(1).report().text());
        assertEquals(2, page.actions().missingCount());
    }

    @Test
    void aSubmittedReportShowsItsSummaryAsParagraphsOfTextAndItsInitiativesInWords() {
        ReviewPage.Priority first =
                page(review("open", List.of()), false, Set.of()).priorities().get(0);
        assertEquals(List.of("Patrols <b>doubled</b>.", "Funding agreed."), first.summary());
        ReviewPage.Initiative initiative = first.initiatives().get(0);
        assertEquals("At risk", initiative.status().text());
        assertEquals("Amber", initiative.rag().text());
        assertEquals("None", initiative.commentary());
        assertEquals("12 July 2024 at 9:00am", first.submittedAt(), "the latest submission, in London's time");
    }

    @Test
    void theTimelineGivesTheDatesTheReviewWasOpenedClosedAndReopenedWithItsReason() {
        ReviewPage page = page(review("open", List.of("A late report from the police")), true, Set.of());
        assertEquals(
                List.of(
                        new ReviewPage.Field("Opened", "1 July 2024 at 10:05am"),
                        new ReviewPage.Field("Closed", "20 December 2024 at 12:00pm"),
                        new ReviewPage.Field(
                                "Reopened", "6 January 2025 at 10:00am. Reason: A late report from the police")),
                page.timeline());
    }

    @Test
    void onlyTheCoordinatorClosesAnOpenReviewAndReopensAClosedOne() {
        ReviewPage open = page(review("open", List.of()), true, Set.of(1, 2, 3));
        assertTrue(open.actions().mayClose());
        assertFalse(open.actions().mayReopen());
        assertEquals(9, open.actions().version());
        ReviewPage closed = page(review("closed", List.of()), true, Set.of(1, 2, 3));
        assertEquals("Review closed", closed.state().text());
        assertFalse(closed.actions().mayClose());
        assertTrue(closed.actions().mayReopen());
        assertTrue(closed.priorities().stream().noneMatch(p -> p.form().shown()), "a closed review takes no report");
        ReviewPage lead = page(review("open", List.of()), false, Set.of(1));
        assertFalse(lead.actions().mayClose());
        assertFalse(lead.actions().mayReopen());
    }

    @Test
    void aReportFormIsShownOnlyForThePrioritiesThePersonMayReportOn() {
        ReviewPage page = page(review("open", List.of()), false, Set.of(2));
        assertEquals(
                List.of(false, true, false),
                page.priorities().stream().map(p -> p.form().shown()).toList());
        ReviewPage.ReportForm first = page(review("open", List.of()), false, Set.of(1))
                .priorities()
                .get(0)
                .form();
        assertTrue(first.update(), "a report that is in is updated");
        assertEquals("Patrols <b>doubled</b>.\n\nFunding agreed.", first.summary());
        assertEquals("summary-1", first.fieldId());
    }

    @Test
    void whatThePersonWroteIsKeptInTheirPrioritysFormOnly() {
        ReviewPage page = coordinatorSent(
                new ReviewPages.Entered(1, "My own words", null),
                new ReviewPage.Refusal("Someone else updated this review", "Check it."),
                List.of());
        assertEquals("My own words", page.priorities().get(0).form().summary());
        assertEquals("", page.priorities().get(1).form().summary());
        assertEquals("Someone else updated this review", page.refusal().heading());
    }

    @Test
    void reportableIsEveryExpectedPriorityForTheCoordinatorAndTheClaimedOnesForALead() {
        ReviewBody review = review("open", List.of());
        assertEquals(Set.of(1, 2, 3), ReviewPages.reportable(true, false, Set.of(), review));
        assertEquals(Set.of(2), ReviewPages.reportable(false, true, Set.of(2, 7), review));
        assertEquals(Set.of(1, 2, 3), ReviewPages.reportable(false, true, Set.of(), review), "plan-service decides");
        assertEquals(Set.of(), ReviewPages.reportable(false, false, Set.of(1), review), "a viewer reports on none");
        assertEquals(Set.of(), ReviewPages.reportable(true, false, Set.of(), null));
    }

    @Test
    void aLeadsPrioritiesAreReadFromTheTokensClaimInItsShapes() {
        assertEquals(Set.of(1, 3), ReviewPages.claimed(List.of("1", "3")));
        assertEquals(Set.of(1, 3), ReviewPages.claimed("[\"1\", \"3\"]"));
        assertEquals(Set.of(4), ReviewPages.claimed("4"));
        assertEquals(Set.of(), ReviewPages.claimed(null));
        assertEquals(Set.of(2), ReviewPages.claimed(List.of("2", "x", "123")));
    }

    @Test
    void aRefusedFieldIsPutOnTheFormsFieldInWords() {
        assertEquals(
                List.of(new FormError("summary-2", "Enter a summary of the priority's progress")),
                ReviewPages.errors(List.of(new FormRefused.FieldError(null, "summary", "is required")), 2));
        assertEquals(
                List.of(new FormError(
                        "summary-2", "The summary must not contain personal data (it holds an e-mail address)")),
                ReviewPages.errors(
                        List.of(new FormRefused.FieldError(
                                null, "summary", "must not contain personal data (it holds an e-mail address)")),
                        2));
        assertEquals(
                List.of(new FormError("reason", "Enter why the review is reopened")),
                ReviewPages.errors(List.of(new FormRefused.FieldError(null, "reason", "is required")), null));
        ReviewPage page = coordinatorSent(
                new ReviewPages.Entered(2, "", null),
                null,
                ReviewPages.errors(List.of(new FormRefused.FieldError(null, "summary", "is required")), 2));
        assertTrue(page.hasErrors());
        assertEquals("Enter a summary of the priority's progress", page.error("summary-2"));
        assertNull(page.error("summary-1"));
        assertEquals("#summary-2", page.errors().get(0).href());
    }

    @Test
    void theSuccessBannerNamesWhatWasDoneAndIgnoresAnythingElse() {
        ReviewBody review = review("open", List.of());
        assertEquals("The report for priority 2 was submitted.", ReviewPages.notice("report-2", Q1, review));
        assertEquals("The review of 2024/25 Q1 is closed.", ReviewPages.notice("closed", Q1, review));
        assertNull(ReviewPages.notice("report-9", Q1, review), "not a priority of the review");
        assertNull(ReviewPages.notice("<script>", Q1, review));
        assertNull(ReviewPages.notice(null, Q1, review));
    }
}
