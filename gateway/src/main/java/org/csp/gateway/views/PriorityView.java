package org.csp.gateway.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.csp.assessment.FamilyGroupView;

/**
 * One priority of the plan in a quarter, as the partnership's meeting reviews it: its initiatives counted by status and
 * RAG, its indicators assessed, the engagement linked to it and whether its report reached the quarterly review. The
 * priority's own page ({@code …/priorities/{n}}) also lists its objectives and each initiative; the whole
 * partnership's view leaves those two lists out.
 *
 * <p>{@code report}: "submitted", "missing" (expected by the open or closed review, not submitted) or "not-expected"
 * (no review, or the review does not expect this priority).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriorityView(
        int number,
        String title,
        String report,
        InitiativeSummary summary,
        List<IndicatorView> indicators,
        EngagementSummary engagement,
        List<ConsultationView> consultations,
        List<ObjectiveView> objectives,
        List<InitiativeView> initiatives) {

    /**
     * The initiatives: how many; {@code reported} those with a progress report for the quarter, counted by status and
     * RAG; {@code noReport} the others; {@code overdue} those due by the quarter's end and not completed (by their
     * latest report up to the quarter); {@code revised} those whose report changed after the review closed (in a view
     * as at a close).
     */
    public record InitiativeSummary(
            int initiatives,
            int reported,
            int noReport,
            int overdue,
            int revised,
            Map<String, Long> byStatus,
            Map<String, Long> byRag) {}

    /** An objective ("what will we aim to achieve?") and how many of the plan's initiatives serve it. */
    public record ObjectiveView(String id, String text, int initiatives) {}

    /**
     * An initiative in the quarter: {@code progress} its latest report up to the quarter's end (an earlier quarter's
     * when it made none for this one: {@code progress.quarter} says which; null: it never reported), {@code reported}
     * whether that report is the quarter's own, {@code overdue} as {@link InitiativeSummary} counts it;
     * {@code revisedSinceClose} the report that replaced it after the review closed (in a view as at a close).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InitiativeView(
            String id,
            String title,
            String leadPartner,
            LocalDate start,
            LocalDate due,
            List<String> objectives,
            Progress progress,
            boolean reported,
            boolean overdue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Progress revisedSinceClose) {}

    /**
     * A progress report: the quarter it is for, status, RAG, commentary, who made it ({@code reportedBy}: null for a
     * report made before plan-service recorded who) and when it was recorded ({@code reportedAt}).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Progress(
            String quarter, String status, String rag, String commentary, ReportedBy reportedBy, Instant reportedAt) {}

    /**
     * Who made a progress report: the subject of their token (a pseudonymous id: the web frontend shows the person's
     * name where the viewer may see it), the role they reported in ({@code coordinator} or {@code priority-lead}) and
     * the organisation their token named (null when none).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReportedBy(String subject, String reportedAs, String organisation) {}

    /**
     * An indicator at the partnership's district for the quarter, assessed with the shared rule (the county feed's
     * district row): the quarter's value, the same quarter last year, the change, the year's target, RAG and direction
     * read through the polarity, completeness (periods and wards reported of those expected, sources missing), and
     * the place in the Most Similar Family Group, the process-control reading (null: too few figures).
     * {@code revisedSinceClose}: in a view as at a review's close, the
     * figures as they stand now when they differ from what was reported.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IndicatorView(
            String code,
            String title,
            String unit,
            String polarity,
            String geography,
            String period,
            BigDecimal value,
            String comparisonPeriod,
            BigDecimal sameQuarterLastYear,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal target,
            String rag,
            String direction,
            Integer periodsReported,
            Integer periodsExpected,
            String figuresFrom,
            Integer wardsReported,
            Integer wardsExpected,
            List<String> sourcesMissing,
            FamilyGroupView familyGroup,
            ProcessControlReading processControl,
            @JsonInclude(JsonInclude.Include.NON_NULL) Revised revisedSinceClose) {}

    /**
     * The statistical-process-control reading of the indicator's series at the district over the twelve quarters to
     * this one (XmR, the first twelve points with a figure the baseline): the limits, and each special cause found in
     * this quarter's periods with its rule, its reading through the polarity and an explanation in words.
     */
    public record ProcessControlReading(SeriesView.ProcessControlView limits, List<QuarterFlag> specialCauses) {}

    public record QuarterFlag(String period, String rule, String variation, boolean high, String explanation) {}

    /** Figures as they stand now, beside what the review was given: value, RAG, direction and when they changed. */
    public record Revised(BigDecimal value, String rag, String direction, Instant revisedAt) {}

    /**
     * A consultation or survey linked to the priority that closed in the quarter, with its headline results (the latest
     * publication's: each question's text, the percentage and the sample size; none until published).
     */
    public record ConsultationView(
            String id, String kind, String title, LocalDate closedOn, LocalDate publishedOn, List<Result> results) {}

    public record Result(String question, String text, BigDecimal percentage, Integer sampleSize) {}

    /**
     * The partnership's ASB case reviews in the quarter, counts only: applications received, threshold decisions
     * (met, not met, and how many within ten working days of the application: Monday to Friday, bank holidays not
     * taken out), reviews closed (by outcome).
     */
    public record CaseReviewSummary(
            int received,
            int decided,
            int thresholdMet,
            int thresholdNotMet,
            int decidedWithinTenWorkingDays,
            int closed,
            Map<String, Long> closedByOutcome) {}

    /**
     * The engagement records of the quarter (by start date) linked to the priority (for the whole partnership: all of
     * them): how many, by type, and their attendance and reach.
     */
    public record EngagementSummary(long records, long attendance, long reach, Map<String, Long> byType) {}
}
