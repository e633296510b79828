package org.csp.gateway.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.csp.assessment.FamilyGroupView;
import org.csp.calendar.FinancialQuarter;
import org.csp.gateway.county.FeedRow;
import org.csp.gateway.views.PriorityView.CaseReviewSummary;
import org.csp.gateway.views.PriorityView.ConsultationView;
import org.csp.gateway.views.PriorityView.EngagementSummary;
import org.csp.gateway.views.PriorityView.IndicatorView;
import org.csp.gateway.views.PriorityView.InitiativeSummary;
import org.csp.gateway.views.PriorityView.InitiativeView;
import org.csp.gateway.views.PriorityView.ObjectiveView;
import org.csp.gateway.views.PriorityView.Progress;
import org.csp.gateway.views.PriorityView.Revised;
import org.csp.gateway.views.QuarterView.ReviewState;
import org.csp.gateway.views.QuarterView.Totals;

/**
 * The quarterly view's priorities from what the projection holds (pure: the same inputs, the same answer). An
 * initiative's progress is its latest report up to the quarter; it counts as reported when that report is the
 * quarter's own, and as overdue when its due date is by the quarter's end and that report does not say completed.
 * In a view as at a review's close, what changed since (a figure, a report) is shown beside what was reported.
 */
final class PriorityViews {

    static final String COMPLETED = "completed";

    record Priority(int number, String title) {}

    record Objective(String id, int priority, String text) {}

    record Initiative(
            String id,
            int priority,
            String title,
            String lead,
            LocalDate start,
            LocalDate due,
            List<String> objectives) {}

    record Engagement(String type, List<Integer> priorities, long attendance, long reach) {}

    /** A consultation that closed in the quarter, its priorities and its headline results. */
    record Consultation(List<Integer> priorities, ConsultationView view) {}

    /** An ASB case review's dates and outcome (null: not yet). */
    record CaseReview(LocalDate receivedOn, LocalDate decidedOn, Boolean met, LocalDate closedOn, String outcome) {}

    /**
     * {@code progress}: each initiative's latest report up to the quarter as the view shows it; {@code indicators} the
     * district rows of the partnership's indicators as the view shows them, {@code priorityOf} each indicator's
     * priority (absent: none). For a view as at a close, {@code liveProgress} and {@code liveIndicators} are the same as
     * they stand now and {@code revisedAt} when each indicator's figures last changed after the close; all three empty
     * for a live view.
     */
    record Inputs(
            FinancialQuarter quarter,
            List<Priority> priorities,
            List<Objective> objectives,
            List<Initiative> initiatives,
            Map<String, Progress> progress,
            Map<String, Progress> liveProgress,
            List<FeedRow> indicators,
            Map<String, FeedRow> liveIndicators,
            Map<String, Instant> revisedAt,
            Map<String, Integer> priorityOf,
            Map<String, PriorityView.ProcessControlReading> processControl,
            List<Engagement> engagement,
            List<Consultation> consultations,
            List<CaseReview> caseReviews,
            ReviewState review) {}

    /** Every priority with its lists, the partnership's totals and the indicators no priority names. */
    record Result(List<PriorityView> priorities, Totals totals, List<IndicatorView> otherIndicators) {}

    private PriorityViews() {}

    static Result of(Inputs in) {
        Map<Integer, String> titles = new TreeMap<>();
        in.priorities().forEach(p -> titles.put(p.number(), p.title()));
        in.initiatives().forEach(i -> titles.putIfAbsent(i.priority(), null));
        List<InitiativeView> all =
                in.initiatives().stream().map(i -> initiative(in, i)).toList();
        List<IndicatorView> indicators = in.indicators().stream()
                .map(row -> indicator(
                        row,
                        in.liveIndicators().get(row.indicator()),
                        in.revisedAt(),
                        in.processControl().get(row.indicator())))
                .toList();

        List<PriorityView> priorities = new ArrayList<>();
        for (Map.Entry<Integer, String> p : titles.entrySet()) {
            int n = p.getKey();
            List<Initiative> own =
                    in.initiatives().stream().filter(i -> i.priority() == n).toList();
            List<InitiativeView> views = all.stream()
                    .filter(v -> own.stream().anyMatch(i -> i.id().equals(v.id())))
                    .toList();
            List<ObjectiveView> objectives = in.objectives().stream()
                    .filter(o -> o.priority() == n)
                    .map(o -> new ObjectiveView(o.id(), o.text(), (int) own.stream()
                            .filter(i -> i.objectives().contains(o.id()))
                            .count()))
                    .toList();
            priorities.add(new PriorityView(
                    n,
                    p.getValue(),
                    report(in.review(), n),
                    summary(views),
                    indicators.stream()
                            .filter(v -> Objects.equals(in.priorityOf().get(v.code()), n))
                            .toList(),
                    engagement(in.engagement(), e -> e.priorities().contains(n)),
                    in.consultations().stream()
                            .filter(c -> c.priorities().contains(n))
                            .map(Consultation::view)
                            .toList(),
                    objectives,
                    views));
        }
        List<IndicatorView> others = indicators.stream()
                .filter(v -> {
                    Integer priority = in.priorityOf().get(v.code());
                    return priority == null || !titles.containsKey(priority);
                })
                .toList();
        Totals totals = new Totals(
                summary(all),
                indicators.size(),
                indicators.stream()
                        .filter(v -> v.rag() != null)
                        .collect(Collectors.groupingBy(IndicatorView::rag, TreeMap::new, Collectors.counting())),
                engagement(in.engagement(), e -> true),
                in.consultations().size(),
                caseReviews(in.quarter(), in.caseReviews()));
        return new Result(priorities, totals, others);
    }

    /** The quarter's case reviews counted: received, decided (and how soon), closed by outcome. */
    static CaseReviewSummary caseReviews(FinancialQuarter quarter, List<CaseReview> reviews) {
        int received = 0;
        int decided = 0;
        int met = 0;
        int withinTen = 0;
        Map<String, Long> closed = new TreeMap<>();
        for (CaseReview r : reviews) {
            if (r.receivedOn() != null && quarter.contains(r.receivedOn())) {
                received++;
            }
            if (r.decidedOn() != null && quarter.contains(r.decidedOn())) {
                decided++;
                met += Boolean.TRUE.equals(r.met()) ? 1 : 0;
                if (r.receivedOn() != null && workingDaysBetween(r.receivedOn(), r.decidedOn()) <= 10) {
                    withinTen++;
                }
            }
            if (r.closedOn() != null && quarter.contains(r.closedOn())) {
                closed.merge(r.outcome(), 1L, Long::sum);
            }
        }
        return new CaseReviewSummary(
                received,
                decided,
                met,
                decided - met,
                withinTen,
                (int) closed.values().stream().mapToLong(Long::longValue).sum(),
                closed);
    }

    /** The working days (Monday to Friday) after {@code from} up to and including {@code to}. */
    static long workingDaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days++;
            }
        }
        return days;
    }

    /** Whether the priority's report reached the review: submitted, missing or not expected. */
    private static String report(ReviewState review, int priority) {
        if (review.submitted().contains(priority)) {
            return "submitted";
        }
        return review.expected().contains(priority) ? "missing" : "not-expected";
    }

    private static InitiativeView initiative(Inputs in, Initiative i) {
        Progress progress = in.progress().get(i.id());
        Progress live = in.liveProgress().get(i.id());
        boolean reported =
                progress != null && progress.quarter().equals(in.quarter().label());
        boolean overdue = i.due() != null
                && !i.due().isAfter(in.quarter().lastDay())
                && (progress == null || !COMPLETED.equals(progress.status()));
        return new InitiativeView(
                i.id(),
                i.title(),
                i.lead(),
                i.start(),
                i.due(),
                i.objectives(),
                progress,
                reported,
                overdue,
                live != null && !live.equals(progress) ? live : null);
    }

    private static InitiativeSummary summary(List<InitiativeView> views) {
        List<InitiativeView> reported =
                views.stream().filter(InitiativeView::reported).toList();
        return new InitiativeSummary(
                views.size(),
                reported.size(),
                views.size() - reported.size(),
                (int) views.stream().filter(InitiativeView::overdue).count(),
                (int) views.stream().filter(v -> v.revisedSinceClose() != null).count(),
                reported.stream()
                        .collect(
                                Collectors.groupingBy(v -> v.progress().status(), TreeMap::new, Collectors.counting())),
                reported.stream()
                        .collect(Collectors.groupingBy(v -> v.progress().rag(), TreeMap::new, Collectors.counting())));
    }

    private static EngagementSummary engagement(List<Engagement> records, Predicate<Engagement> linked) {
        Map<String, Long> byType = new TreeMap<>();
        long count = 0;
        long attendance = 0;
        long reach = 0;
        for (Engagement e : records) {
            if (linked.test(e)) {
                byType.merge(e.type(), 1L, Long::sum);
                count++;
                attendance += e.attendance();
                reach += e.reach();
            }
        }
        return new EngagementSummary(count, attendance, reach, byType);
    }

    private static IndicatorView indicator(
            FeedRow row,
            FeedRow live,
            Map<String, Instant> revisedAt,
            PriorityView.ProcessControlReading processControl) {
        FamilyGroupView group = row.familyGroupPosition() == null
                ? null
                : new FamilyGroupView(
                        row.familyGroupPeriod(),
                        row.familyGroupValue(),
                        row.familyGroupAverage(),
                        row.familyGroupLower(),
                        row.familyGroupUpper(),
                        row.familyGroupRank(),
                        row.familyGroupSize(),
                        row.familyGroupPosition(),
                        row.familyGroupReading(),
                        null);
        Revised revised = live != null && !same(live.value(), row.value())
                ? new Revised(live.value(), live.rag(), live.direction(), revisedAt.get(row.indicator()))
                : null;
        return new IndicatorView(
                row.indicator(),
                row.indicatorTitle(),
                row.unit(),
                row.polarity(),
                row.geography(),
                row.period(),
                row.value(),
                row.comparisonPeriod(),
                row.sameQuarterLastYear(),
                row.change(),
                row.changePercent(),
                row.target(),
                row.rag(),
                row.direction(),
                row.periodsReported(),
                row.periodsExpected(),
                row.figuresFrom(),
                row.wardsReported(),
                row.wardsExpected(),
                row.sourcesMissing(),
                group,
                processControl,
                revised);
    }

    /** Two figures are the same number (12 and 12.0 are). */
    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The priority numbers of {@code view}'s review that have not reported. */
    static List<Integer> missing(List<Integer> expected, List<Integer> submitted) {
        return new ArrayList<>(new TreeSet<>(
                expected.stream().filter(p -> !submitted.contains(p)).toList()));
    }
}
