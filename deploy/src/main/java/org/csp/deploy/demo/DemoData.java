package org.csp.deploy.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.csp.calendar.FinancialQuarter;

/**
 * The demo data set as plain records, what {@link DemoGenerator} makes and {@link DemoLoader} posts: figures (and the
 * later revisions of some of them), the Most Similar Family Group's figures beside some, initiative progress, quarterly reviews, engagement, surveys and ASB case reviews.
 */
public record DemoData(
        List<Figure> figures,
        List<Figure> revisions,
        List<Comparator> comparators,
        List<Progress> progress,
        List<Review> reviews,
        List<Engagement> engagements,
        List<Survey> surveys,
        List<CaseReview> caseReviews) {

    /** What every text the APIs let say where it came from says. */
    public static final String LABEL = "synthetic demo data";

    /**
     * A figure as a batch row: {@code period} a month ("2024-08"), a quarter ("2024/25 Q2") or a year ("2024/25") as the
     * indicator's frequency wants; {@code geography} the GSS code of the district ({@code partnership}'s) or of one of
     * its wards; {@code source} the organisation it comes from.
     */
    public record Figure(
            String indicator,
            String period,
            FinancialQuarter quarter,
            String partnership,
            String geography,
            BigDecimal value,
            String source,
            String status,
            String reason) {}

    /**
     * The family group's figures for a partnership's district and a period: the district's own value as the group
     * compares it, the group's average and limits, the district's rank (1 = lowest) among {@code groupSize} areas.
     */
    public record Comparator(
            String indicator,
            String period,
            FinancialQuarter quarter,
            String partnership,
            String geography,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            int rank,
            int groupSize) {}

    /** An initiative of the plan, as the plan-service lists it. */
    public record Initiative(String id, int priority, LocalDate start, LocalDate due) {}

    /** A quarter's progress report on an initiative. */
    public record Progress(
            String initiativeId,
            int priority,
            FinancialQuarter quarter,
            String status,
            String rag,
            String commentary) {}

    /** A quarterly review: the priorities whose report is submitted (with its summary), and whether it is closed. */
    public record Review(FinancialQuarter quarter, List<Report> reports, boolean closed) {}

    public record Report(int priority, String summary) {}

    /** An engagement activity; {@code key} its Idempotency-Key. */
    public record Engagement(
            String key,
            String type,
            String title,
            LocalDate startDate,
            List<Integer> priorities,
            Integer attendance,
            Integer reach,
            String outcomes) {}

    /** A residents' survey with its published results, which feed the perception indicators. */
    public record Survey(
            String id,
            String title,
            String financialYear,
            LocalDate opensOn,
            LocalDate closedOn,
            LocalDate publishedOn,
            String geography,
            List<SurveyResult> results) {}

    public record SurveyResult(String question, String text, String indicator, double percentage, int sampleSize) {}

    /**
     * An ASB case review and how far it went: {@code met} null when no threshold decision yet; {@code meetingOn} and
     * {@code recommendations} empty when none; {@code outcome} null while open.
     */
    public record CaseReview(
            String reference,
            LocalDate receivedOn,
            LocalDate decidedOn,
            Boolean met,
            LocalDate meetingOn,
            List<String> recommendations,
            LocalDate closedOn,
            String outcome,
            String summary) {}

    /** The part of the set within these quarters, partnerships and initiatives (a slice, for a test). */
    public DemoData slice(
            Predicate<FinancialQuarter> quarters, Predicate<String> partnerships, Predicate<String> initiatives) {
        Predicate<Figure> figure = f -> quarters.test(f.quarter()) && partnerships.test(f.partnership());
        return new DemoData(
                figures.stream().filter(figure).toList(),
                revisions.stream().filter(figure).toList(),
                comparators.stream()
                        .filter(c -> quarters.test(c.quarter()) && partnerships.test(c.partnership()))
                        .toList(),
                progress.stream()
                        .filter(p -> quarters.test(p.quarter()) && initiatives.test(p.initiativeId()))
                        .toList(),
                reviews.stream().filter(r -> quarters.test(r.quarter())).toList(),
                engagements.stream()
                        .filter(e -> quarters.test(FinancialQuarter.of(e.startDate())))
                        .toList(),
                surveys.stream()
                        .filter(s -> quarters.test(FinancialQuarter.of(s.publishedOn())))
                        .toList(),
                caseReviews.stream()
                        .filter(c -> quarters.test(FinancialQuarter.of(c.receivedOn())))
                        .toList());
    }
}
