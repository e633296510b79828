package org.csp.web.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.csp.web.display.Words;

/** The year-end page from the gateway's year (pure). */
public final class YearPages {

    private YearPages() {}

    /** {@code 2024-25} as the address writes a financial year; "2024/25" as people do. */
    public static String label(String year) {
        return year.replace('-', '/');
    }

    /** The year before {@code 2024-25}: {@code 2023-24}. */
    static String before(String year) {
        int start = Integer.parseInt(year.substring(0, 4)) - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    public static YearPage page(String year, YearBody body) {
        List<String> quarterIds = List.of(year + "-Q1", year + "-Q2", year + "-Q3", year + "-Q4");
        List<String> quarterLabels = List.of("Q1", "Q2", "Q3", "Q4");
        List<YearPage.Priority> priorities = new ArrayList<>();
        for (YearBody.Priority p : body.priorities()) {
            List<YearPage.Indicator> indicators = new ArrayList<>();
            for (YearBody.Indicator i : p.indicators()) {
                Map<String, YearBody.Quarter> byQuarter = i.quarters().stream()
                        .collect(Collectors.toMap(
                                q -> q.quarter().replace('/', '-').replace(' ', '-'),
                                Function.identity(),
                                (a, b) -> b));
                List<String> quarters = quarterIds.stream()
                        .map(id -> {
                            YearBody.Quarter q = byQuarter.get(id);
                            return q == null ? "No figure" : Words.figure(q.value(), i.unit());
                        })
                        .toList();
                YearBody.Year y = i.year();
                indicators.add(new YearPage.Indicator(
                        i.code(),
                        i.title(),
                        quarters,
                        y == null ? "No figure" : Words.figure(y.value(), i.unit()),
                        y == null ? "No figure" : Words.figure(y.lastYear(), i.unit()),
                        y == null ? "" : Words.change(y.change(), y.changePercent(), i.unit()),
                        y == null || y.target() == null ? "No target" : Words.figure(y.target(), i.unit()),
                        Words.rag(y == null ? null : y.rag()),
                        Words.direction(y == null ? null : y.direction())));
            }
            YearBody.Initiatives initiatives = p.initiatives();
            priorities.add(new YearPage.Priority(
                    p.number(),
                    p.title(),
                    quarterLabels,
                    indicators,
                    initiatives == null ? "None" : list(initiatives.completed()),
                    initiatives == null ? "None" : list(initiatives.carriedOver()),
                    initiatives == null ? "None" : list(initiatives.overdue())));
        }
        return new YearPage(year, label(year), label(before(year)), priorities);
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "None" : ids.size() + ": " + String.join(", ", ids);
    }
}
