package org.csp.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.Fixtures;
import org.csp.web.display.Tag;
import org.junit.jupiter.api.Test;

class DashboardsTest {

    private final DashboardPage page = Dashboards.page(
            new FinancialQuarter(2024, 2), Fixtures.gatewayJson("quarter-view.json", QuarterViewBody.class));

    @Test
    void the_quarter_shown_as_its_review_closed_says_so() {
        assertEquals("2024-25-Q2", page.quarter());
        assertEquals("2024/25 Q2", page.quarterLabel());
        assertEquals(
                "Figures as reported when the quarterly review closed on 14 October 2024; later revisions are marked",
                page.asAt());
        assertEquals(new Tag("Review closed", "govuk-tag--green"), page.review());
    }

    @Test
    void each_priority_counts_its_initiatives_by_rag_and_status_worst_first() {
        DashboardPage.PriorityPanel first = page.priorities().getFirst();
        assertEquals("Reduce anti-social behaviour & its <harm>", first.title());
        assertEquals(new Tag("Report submitted", "govuk-tag--green"), first.report());
        assertEquals(
                List.of(
                        new DashboardPage.TagCount(new Tag("Red", "govuk-tag--red"), 1),
                        new DashboardPage.TagCount(new Tag("Green", "govuk-tag--green"), 2)),
                first.byRag());
        assertEquals(
                List.of(
                        new DashboardPage.TagCount(new Tag("Off track", "govuk-tag--red"), 1),
                        new DashboardPage.TagCount(new Tag("On track", "govuk-tag--green"), 2)),
                first.byStatus());
        assertEquals("7 engagement records, attended by 1,210 people, reaching 5,400", first.engagement());
        assertEquals(
                new Tag("Report missing", "govuk-tag--red"),
                page.priorities().get(1).report());
    }

    @Test
    void an_indicator_tile_tells_its_figures_and_reading_in_words() {
        DashboardPage.IndicatorTile tile =
                page.priorities().getFirst().indicators().getFirst();
        assertEquals(
                new DashboardPage.IndicatorTile(
                        "ASB-INC",
                        "Anti-social behaviour incidents",
                        "1,234",
                        "2023/24 Q2",
                        "1,342",
                        "1,300",
                        new Tag("Green", "govuk-tag--green"),
                        "Improving",
                        "Down 108 (8.05%)",
                        "Revised since the review closed: now 1,250, Green, improving (2 November 2024)"),
                tile);
    }

    @Test
    void an_indicator_without_last_year_or_target_says_so() {
        DashboardPage.IndicatorTile tile = page.priorities().get(1).indicators().getFirst();
        assertEquals("12.5%", tile.value());
        assertEquals("No figure", tile.lastYear());
        assertEquals("No target", tile.target());
        assertEquals(new Tag("Not rated", "govuk-tag--grey"), tile.rag());
        assertEquals("Not assessed", tile.direction());
        assertEquals("", tile.change());
        assertEquals("", tile.revised());
    }
}
