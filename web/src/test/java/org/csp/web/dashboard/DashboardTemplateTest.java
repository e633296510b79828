package org.csp.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.Fixtures;
import org.csp.web.TestDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The dashboard's template rendered from the gateway's JSON, against GOV.UK Frontend's reference markup. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class DashboardTemplateTest {

    private static Document render() {
        DashboardPage page = Dashboards.page(
                new FinancialQuarter(2024, 2), Fixtures.gatewayJson("quarter-view.json", QuarterViewBody.class));
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return Jsoup.parse(DashboardResource.Templates.quarter(page).render());
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private final Document html = render();

    @Test
    void the_page_has_a_language_a_title_landmarks_and_one_main_heading() {
        assertEquals("en", html.selectFirst("html").attr("lang"));
        assertEquals("Dashboard, 2024/25 Q2 – Community Safety Partnership", html.title());
        assertEquals("#main-content", html.selectFirst("a.govuk-skip-link").attr("href"));
        assertEquals(1, html.select("header").size());
        assertEquals(1, html.select("main#main-content").size());
        assertEquals(1, html.select("footer").size());
        assertEquals(1, html.select("h1").size());
        assertEquals("Beta", html.selectFirst(".govuk-phase-banner .govuk-tag").text());
    }

    @Test
    void text_from_the_gateway_is_escaped() {
        Element heading = html.getElementById("priority-1");
        assertEquals("Priority 1: Reduce anti-social behaviour & its <harm>", heading.text());
        assertTrue(heading.select("harm").isEmpty());
    }

    @Test
    void no_crown_no_gov_uk_logo_and_no_demo_banner_unless_configured() {
        assertTrue(html.select("svg").isEmpty());
        assertFalse(html.html().contains("GOV.UK"));
        assertEquals(
                "Community Safety Partnership",
                html.selectFirst(".govuk-generic-header__homepage-link").text());
        assertTrue(html.select(".govuk-notification-banner").isEmpty());
    }

    @Test
    void rag_tags_are_govuk_tags_with_words() {
        Element section = html.selectFirst("section[aria-labelledby=priority-1]");
        List<String> tags = section.select(".govuk-summary-list__value li").eachText();
        assertEquals(List.of("1 Red", "2 Green", "1 Off track", "2 On track"), tags);
        Element red = section.selectFirst("strong.govuk-tag--red");
        assertEquals(Fixtures.shape(Fixtures.govuk("tag", "red")), Fixtures.shape(red));
    }

    @Test
    void summary_lists_have_govuk_frontends_markup() {
        Element row = html.selectFirst("section[aria-labelledby=priority-1] .govuk-summary-list__row");
        assertEquals(
                Fixtures.shape(Fixtures.govuk("summary-list", "default").child(0)),
                Fixtures.shape(row).replace("[strong.govuk-tag.govuk-tag--green]", ""));
        Element tileList = html.selectFirst(".app-tile .govuk-summary-list");
        assertEquals(Fixtures.govuk("summary-list", "no-border").classNames(), tileList.classNames());
    }

    @Test
    void an_indicator_tile_shows_the_quarter_last_year_target_rag_and_direction() {
        Element tile = html.selectFirst(".app-tile");
        assertEquals("Anti-social behaviour incidents", tile.selectFirst("h4").text());
        assertEquals(
                List.of("This quarter", "2023/24 Q2", "Target", "RAG", "Direction"),
                tile.select(".govuk-summary-list__key").eachText());
        assertEquals(
                List.of("1,234", "1,342", "1,300", "Green", "Improving. Down 108 (8.05%)"),
                tile.select(".govuk-summary-list__value").eachText());
        assertEquals(
                "Revised since the review closed: now 1,250, Green, improving (2 November 2024)",
                tile.selectFirst("p").text());
    }

    @Test
    void the_quarterly_review_links_to_its_page() {
        assertEquals(1, html.select("main a[href=/quarters/2024-25-Q2/review]").size());
    }
}
