package org.csp.web.year;

import java.util.List;
import org.csp.web.display.Tag;

/**
 * The year-end assessment of a financial year: per priority, each indicator's four quarters and the year against the
 * year before and the target, and the initiatives completed and carried over. Printable on A4.
 */
public record YearPage(String year, String yearLabel, String lastYearLabel, List<Priority> priorities) {

    public record Priority(
            int number,
            String title,
            List<String> quarterLabels,
            List<Indicator> indicators,
            String completed,
            String carriedOver,
            String overdue) {}

    /** An indicator's row: the four quarters' figures, then the year, last year, change, target, RAG, direction. */
    public record Indicator(
            String code,
            String title,
            List<String> quarters,
            String year,
            String lastYear,
            String change,
            String target,
            Tag rag,
            String direction) {}
}
