package org.csp.web.priority;

import java.util.List;
import org.csp.web.dashboard.DashboardPage;
import org.csp.web.display.Tag;

/**
 * A priority in a quarter: its report to the review, its objectives, its initiatives (filtered as the person asked)
 * and its indicators' tiles.
 */
public record PriorityPage(
        String quarter,
        String quarterLabel,
        int number,
        String title,
        Tag report,
        List<PriorityBody.Objective> objectives,
        Filter filter,
        List<Row> initiatives,
        int shown,
        int total,
        List<DashboardPage.IndicatorTile> indicators) {

    /** The filters' choices, each with what is selected; {@code leads} the lead partners the initiatives name. */
    public record Filter(List<Option> statuses, List<Option> rags, List<Option> leads, boolean overdue) {}

    public record Option(String value, String label, boolean selected) {}

    /** An initiative's row: its latest report in words, and whether it is overdue or was revised after the close. */
    public record Row(
            String id,
            String title,
            String lead,
            Tag status,
            Tag rag,
            String reportFor,
            String commentary,
            boolean overdue,
            String revised) {}
}
