package org.csp.web.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.TestDatabase;
import org.csp.web.gateway.FormRefused;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The engagement templates rendered from page models: the form's errors reach their inputs, text stays text. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class EngagementTemplateTest {

    private static Document render(TemplateInstance template) {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return Jsoup.parse(template.render());
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private static final List<GatewayChoices.Priority> PRIORITIES = List.of(
            new GatewayChoices.Priority(1, "Tackle ASB", false), new GatewayChoices.Priority(4, "Confidence", false));
    private static final List<GatewayChoices.Organisation> ORGANISATIONS = List.of(
            new GatewayChoices.Organisation("stroud-district-council", "Stroud District Council", false),
            new GatewayChoices.Organisation("gloucestershire-constabulary", "Gloucestershire Constabulary", false));

    @Test
    void everyErrorInTheSummaryLinksToItsInputWhichSaysItInline() {
        EngagementForms.Entered entered = new EngagementForms.Entered(
                "",
                "<b>Fair</b>",
                new EngagementForm.DateParts("14", "8", "2099"),
                null,
                null,
                "W05000001",
                List.of("4"),
                null,
                null,
                List.of("gloucestershire-constabulary"),
                null,
                null,
                null,
                "We said <i>this</i>");
        List<EngagementForm.Error> errors = EngagementForms.errors(List.of(
                new FormRefused.FieldError(null, "type", "is required (one of public-event)"),
                new FormRefused.FieldError(null, "startDate", "must not be in the future"),
                new FormRefused.FieldError(null, "place.level", "is required (ward, parish or district)"),
                new FormRefused.FieldError(null, "priorities", "must be priority numbers"),
                new FormRefused.FieldError(null, "organisations[0]", "is not an organisation"),
                new FormRefused.FieldError(null, "outcomes", "must not contain personal data")));
        Document html = render(EngagementResource.Templates.form(EngagementForms.form(
                entered, "6f1c1b0e-0000-4000-8000-000000000000", PRIORITIES, ORGANISATIONS, null, errors)));

        assertTrue(html.title().startsWith("Error: Record an activity"), html.title());
        List<Element> links = html.select(".govuk-error-summary__list a");
        assertEquals(6, links.size());
        for (Element link : links) {
            Element input = html.getElementById(link.attr("href").substring(1));
            assertNotNull(input, link.attr("href"));
            assertTrue(List.of("input", "select", "textarea").contains(input.tagName()), link.attr("href"));
            Element group = input.closest(".govuk-form-group--error");
            assertNotNull(group, "the input's group is marked: " + link.attr("href"));
            Element inline = group.selectFirst(".govuk-error-message");
            assertTrue(inline.text().endsWith(link.text()), inline.text() + " / " + link.text());
        }
        assertEquals("<b>Fair</b>", html.getElementById("title").val());
        assertEquals("We said <i>this</i>", html.getElementById("outcomes").text());
        assertTrue(html.select("main b, main i").isEmpty(), "markup typed is shown as text");
        assertEquals("2099", html.getElementById("startDate-year").val());
        assertTrue(html.selectFirst("input[name=priorities][value=4]").hasAttr("checked"));
        assertTrue(html.selectFirst("input[name=organisations][value=gloucestershire-constabulary]")
                .hasAttr("checked"));
        assertEquals(
                "6f1c1b0e-0000-4000-8000-000000000000",
                html.selectFirst("input[type=hidden][name=idempotencyKey]").val());
        assertEquals(
                "startDate-hint startDate-error",
                html.selectFirst("#startDate").parent().attr("aria-describedby"));
    }

    @Test
    void theListSaysHowManyActivitiesItShowsAndLinksEachOne() {
        EngagementBody fair = new EngagementBody(
                "0b5d2f52-8c1e-4d7a-9f00-000000000001",
                "public-event",
                "<script>Fair</script>",
                LocalDate.of(2024, 8, 14),
                LocalDate.of(2024, 8, 14),
                "2024/25 Q2",
                null,
                List.of(1),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                null,
                40,
                null,
                null,
                List.of(),
                false,
                null,
                1);
        Document html = render(EngagementResource.Templates.list(EngagementPages.list(
                EngagementPages.Filters.of(null, "public-event", null, "E07000082", null, null),
                List.of(fair),
                9,
                Map.of(1, "Tackle ASB"),
                new FinancialQuarter(2024, 2),
                Set.of("viewer"))));
        assertEquals(
                "Showing 1 of 9 activities.", html.selectFirst("[role=status]").text());
        Element link = html.selectFirst("main table tbody th a");
        assertEquals("/engagement/0b5d2f52-8c1e-4d7a-9f00-000000000001", link.attr("href"));
        assertEquals("<script>Fair</script>", link.text());
        assertTrue(html.select("main script").isEmpty());
        assertTrue(html.select("a[href=/engagement/new]").isEmpty(), "a viewer is not offered the form");
        assertTrue(html.select("a[href=/case-reviews]").isEmpty(), "nor the case reviews");
        assertTrue(html.selectFirst("#type option[value=public-event]").hasAttr("selected"));
        assertEquals("E07000082", html.getElementById("place").val());
    }
}
