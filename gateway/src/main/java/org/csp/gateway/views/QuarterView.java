package org.csp.gateway.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.csp.gateway.quarterly.QuarterlyView;
import org.csp.gateway.views.PriorityView.CaseReviewSummary;
import org.csp.gateway.views.PriorityView.EngagementSummary;
import org.csp.gateway.views.PriorityView.IndicatorView;
import org.csp.gateway.views.PriorityView.InitiativeSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The partnership's quarterly view ({@code GET /api/views/quarterly/2024-25-Q2}) as its meeting sees it: which figures
 * it shows ({@code asAt}), the quarterly review's state, the summaries across priorities ({@code totals}, with the
 * consultations closed and the ASB case reviews, which no priority owns) and each
 * priority's ({@code priorities}); {@code otherIndicators} the indicators no priority names (the county core set's).
 * The first release's flat lists ({@code initiatives}, {@code measures}, {@code engagement}, {@code summary}) are kept
 * for the clients that read them; they always show the quarter as it stands now.
 */
public record QuarterView(
        String partnership,
        String quarter,
        LocalDate from,
        LocalDate to,
        AsAt asAt,
        ReviewState review,
        Totals totals,
        List<PriorityView> priorities,
        List<IndicatorView> otherIndicators,
        @Schema(deprecated = true) List<QuarterlyView.InitiativeProgress> initiatives,
        @Schema(deprecated = true) List<QuarterlyView.Measure> measures,
        @Schema(deprecated = true) QuarterlyView.Engagement engagement,
        @Schema(deprecated = true) QuarterlyView.Summary summary) {

    /** The whole partnership's summaries: initiatives, indicators by RAG and engagement. */
    public record Totals(
            InitiativeSummary initiatives,
            int indicators,
            Map<String, Long> indicatorsByRag,
            EngagementSummary engagement,
            int consultationsClosed,
            CaseReviewSummary caseReviews) {}

    /**
     * Which figures a view shows: {@code basis} "live" (as they stand now) or "close" (as they stood when the review
     * closed: {@code close} the close's number, 1 for the first, and {@code closedAt}).
     */
    public record AsAt(String basis, Integer close, Instant closedAt) {}

    /**
     * The partnership's quarterly review of the quarter: {@code state} "not-opened", "open" or "closed"; the priorities
     * expected to report, those submitted and those missing; every close (a reopened review closes again).
     */
    public record ReviewState(
            String state,
            Instant openedAt,
            Instant closedAt,
            List<Integer> expected,
            List<Integer> submitted,
            List<Integer> missing,
            List<Close> closes) {}

    public record Close(int number, Instant closedAt) {}
}
