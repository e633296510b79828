package org.csp.gateway.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.csp.gateway.views.PriorityView.CaseReviewSummary;
import org.csp.gateway.views.PriorityView.ConsultationView;
import org.csp.gateway.views.PriorityView.EngagementSummary;

/**
 * A financial year for the partnership's annual Strategic Assessment and the plan's refresh
 * ({@code GET /api/views/annual/2024-25}): per priority, each indicator's four quarters and the year against the year
 * before and the year's target, the initiatives completed and carried over, the engagement and consultations of the
 * year; across the partnership the same totals and the case reviews' summary. Figures as they stand now.
 */
public record AnnualView(
        String partnership,
        String year,
        LocalDate from,
        LocalDate to,
        List<QuarterReview> quarters,
        List<Priority> priorities,
        EngagementSummary engagement,
        int consultationsClosed,
        CaseReviewSummary caseReviews) {

    /** Each quarter's review: its state and when it last closed. */
    public record QuarterReview(String quarter, String state, java.time.Instant closedAt) {}

    public record Priority(
            int number,
            String title,
            List<Indicator> indicators,
            Initiatives initiatives,
            EngagementSummary engagement,
            List<ConsultationView> consultations) {}

    /** An indicator's quarters (each as the quarterly view assesses it) and the year assessed by the same rule. */
    public record Indicator(
            String code, String title, String unit, String polarity, List<Quarter> quarters, Year year) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quarter(
            String quarter,
            BigDecimal value,
            BigDecimal sameQuarterLastYear,
            String rag,
            String direction,
            Integer periodsReported,
            Integer periodsExpected) {}

    /**
     * The year: its value (the quarters taken together by the indicator's roll-up), the year before's, the change, the
     * year's target, RAG and direction through the polarity, and how many of its periods were reported.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Year(
            BigDecimal value,
            BigDecimal lastYear,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal target,
            String rag,
            String direction,
            int periodsReported,
            int periodsExpected) {}

    /**
     * The priority's initiatives at the year's end, by their latest report: completed, or carried over into the next
     * year (with those overdue among them).
     */
    public record Initiatives(
            int total,
            List<String> completed,
            List<String> carriedOver,
            List<String> overdue,
            Map<String, Long> byStatus) {}
}
