package org.csp.web.dashboard;

import java.util.List;
import org.csp.web.display.Tag;

/**
 * The dashboard of a quarter as its template shows it: every text already in words, every RAG a tag with its words.
 *
 * @param asAt which figures are shown, in words ("As reported at the review's close on 14 October 2024")
 */
public record DashboardPage(
        String quarter,
        String quarterLabel,
        String asAt,
        Tag review,
        List<PriorityPanel> priorities,
        List<IndicatorTile> otherIndicators) {

    /** One priority: its report to the review, its initiatives' RAG and status counts, its indicators. */
    public record PriorityPanel(
            int number,
            String title,
            String headingId,
            Tag report,
            int initiatives,
            int reported,
            int noReport,
            int overdue,
            List<TagCount> byRag,
            List<TagCount> byStatus,
            List<IndicatorTile> indicators,
            String engagement) {}

    /** How many initiatives a tag counts ("3 Green"). */
    public record TagCount(Tag tag, long count) {}

    /**
     * One indicator's tile: the quarter's figure, the same quarter last year, the target, RAG, the direction of travel
     * and the change in words; {@code revised} says what changed after the review closed (empty when nothing did).
     */
    public record IndicatorTile(
            String code,
            String title,
            String value,
            String lastYearLabel,
            String lastYear,
            String target,
            Tag rag,
            String direction,
            String change,
            String revised) {}
}
