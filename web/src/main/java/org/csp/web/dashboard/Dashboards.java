package org.csp.web.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.UkCalendar;
import org.csp.web.display.Tag;
import org.csp.web.display.Words;

/** The gateway's quarterly view made into the dashboard's page. Pure. */
public final class Dashboards {

    private static final List<String> RAG_ORDER = List.of("red", "amber", "green", "not-rated");
    private static final List<String> STATUS_ORDER =
            List.of("off-track", "at-risk", "on-track", "not-started", "completed");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dashboards() {}

    public static DashboardPage page(FinancialQuarter quarter, QuarterViewBody view) {
        List<DashboardPage.PriorityPanel> priorities = view.priorities() == null
                ? List.of()
                : view.priorities().stream().map(Dashboards::panel).toList();
        return new DashboardPage(
                quarter.pathId(),
                quarter.label(),
                asAt(view.asAt()),
                Words.review(
                        view.review() == null ? "not-opened" : view.review().state()),
                priorities,
                tiles(view.otherIndicators()));
    }

    static DashboardPage.PriorityPanel panel(QuarterViewBody.Priority priority) {
        QuarterViewBody.InitiativeSummary summary = priority.summary();
        QuarterViewBody.Engagement engagement = priority.engagement();
        return new DashboardPage.PriorityPanel(
                priority.number(),
                priority.title(),
                "priority-" + priority.number(),
                Words.report(priority.report()),
                summary == null ? 0 : summary.initiatives(),
                summary == null ? 0 : summary.reported(),
                summary == null ? 0 : summary.noReport(),
                summary == null ? 0 : summary.overdue(),
                counts(summary == null ? null : summary.byRag(), RAG_ORDER, Words::rag),
                counts(summary == null ? null : summary.byStatus(), STATUS_ORDER, Words::status),
                tiles(priority.indicators()),
                engagement == null
                        ? "No engagement recorded"
                        : Words.number(engagement.records()) + " engagement records, attended by "
                                + Words.number(engagement.attendance()) + " people, reaching "
                                + Words.number(engagement.reach()));
    }

    public static List<DashboardPage.IndicatorTile> tiles(List<QuarterViewBody.Indicator> indicators) {
        return indicators == null
                ? List.of()
                : indicators.stream().map(Dashboards::tile).toList();
    }

    static DashboardPage.IndicatorTile tile(QuarterViewBody.Indicator indicator) {
        QuarterViewBody.Revised revised = indicator.revisedSinceClose();
        return new DashboardPage.IndicatorTile(
                indicator.code(),
                indicator.title(),
                Words.figure(indicator.value(), indicator.unit()),
                indicator.comparisonPeriod() == null ? "Same quarter last year" : indicator.comparisonPeriod(),
                Words.figure(indicator.sameQuarterLastYear(), indicator.unit()),
                indicator.target() == null ? "No target" : Words.figure(indicator.target(), indicator.unit()),
                Words.rag(indicator.rag()),
                Words.direction(indicator.direction()),
                Words.change(indicator.change(), indicator.changePercent(), indicator.unit()),
                revised == null
                        ? ""
                        : "Revised since the review closed: now " + Words.figure(revised.value(), indicator.unit())
                                + ", " + Words.rag(revised.rag()).text() + ", "
                                + Words.direction(revised.direction()).toLowerCase(Locale.UK)
                                + (revised.revisedAt() == null
                                        ? ""
                                        : " (" + DAY.format(revised.revisedAt().atZone(UkCalendar.ZONE)) + ")"));
    }

    /** Counts by code in a fixed order, then any code the order does not know; codes counting nothing are left out. */
    static List<DashboardPage.TagCount> counts(
            Map<String, Long> byCode, List<String> order, Function<String, Tag> tag) {
        if (byCode == null) {
            return List.of();
        }
        List<DashboardPage.TagCount> counts = new ArrayList<>();
        for (String code : order) {
            long count = byCode.getOrDefault(code, 0L);
            if (count > 0) {
                counts.add(new DashboardPage.TagCount(tag.apply(code), count));
            }
        }
        byCode.entrySet().stream()
                .filter(e -> !order.contains(e.getKey()) && e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> counts.add(new DashboardPage.TagCount(tag.apply(e.getKey()), e.getValue())));
        return List.copyOf(counts);
    }

    static String asAt(QuarterViewBody.AsAt asAt) {
        if (asAt == null || !"close".equals(asAt.basis())) {
            return "Figures as they stand now";
        }
        String when = asAt.closedAt() == null
                ? ""
                : " on " + DAY.format(asAt.closedAt().atZone(UkCalendar.ZONE));
        return "Figures as reported when the quarterly review closed" + when
                + (asAt.close() != null && asAt.close() > 1 ? " (close " + asAt.close() + ")" : "")
                + "; later revisions are marked";
    }
}
