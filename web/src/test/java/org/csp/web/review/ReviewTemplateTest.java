package org.csp.web.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.TestDatabase;
import org.csp.web.form.FormError;
import org.csp.web.gateway.FormRefused;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The review page's template: its forms by role, an error summary linked to its field, text never markup. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ReviewTemplateTest {

    private static final FinancialQuarter Q1 = new FinancialQuarter(2024, 1);

    private static final ReviewBody OPEN = new ReviewBody(
            "2024/25 Q1",
            "open",
            List.of(
                    new ReviewBody.PriorityStatus(1, "Tackle <em>ASB</em>", true),
                    new ReviewBody.PriorityStatus(2, "Reduce violence", false)),
            List.of(new ReviewBody.Report(
                    1,
                    "Patrols <b>doubled</b>.",
                    List.of(new ReviewBody.ReportedInitiative(
                            "P1-02", "Patrols", "on-track", "green", "<i>Done</i>")))),
            List.of(),
            4);

    private static final List<ReviewEventBody> HISTORY = List.of(new ReviewEventBody(
            ReviewPages.OPENED,
            OffsetDateTime.parse("2024-07-01T09:05:00Z"),
            List.of(new ReviewEventBody.Change("/status"))));

    private static Document render(ReviewPage page) {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return Jsoup.parse(ReviewResource.Templates.page(page).render());
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private static Document page(boolean coordinator, Set<Integer> reportable, List<FormError> errors) {
        return render(ReviewPages.page(
                Q1,
                OPEN,
                HISTORY,
                coordinator,
                reportable,
                errors.isEmpty() ? ReviewPages.Entered.NOTHING : new ReviewPages.Entered(2, "<script>x</script>", null),
                null,
                errors,
                null));
    }

    @Test
    void aViewerSeesTheStateTheReportsAndTheMissingOnesButNoForm() {
        Document html = page(false, Set.of(), List.of());
        assertEquals("Quarterly review, 2024/25 Q1 – Community Safety Partnership", html.title());
        assertEquals(1, html.select("h1").size());
        assertEquals("Review open", html.selectFirst("#review-state .govuk-tag").text());
        assertTrue(html.selectFirst("#review-state").text().contains("Opened 1 July 2024 at 10:05am"));
        assertEquals(
                List.of("Priority 2: Reduce violence"),
                html.select("ul[aria-labelledby=missing-reports] li").eachText());
        assertEquals(
                "Report missing", html.selectFirst("#priority-2 + p .govuk-tag").text());
        assertEquals(0, html.select("main form").size());
    }

    @Test
    void textFromTheServiceIsEscaped() {
        Document html = page(false, Set.of(), List.of());
        Element first = html.selectFirst("section[aria-labelledby=priority-1]");
        assertEquals("Priority 1: Tackle <em>ASB</em>", first.selectFirst("h2").text());
        assertTrue(first.text().contains("Patrols <b>doubled</b>."));
        assertTrue(first.text().contains("<i>Done</i>"));
        assertTrue(first.select("em, b, i").isEmpty(), first.html());
    }

    @Test
    void theCoordinatorHasAReportFormPerPriorityAndTheCloseFormWithItsWarning() {
        Document html = page(true, Set.of(1, 2), List.of());
        assertEquals(
                List.of(
                        "/quarters/2024-25-Q1/review/reports/1",
                        "/quarters/2024-25-Q1/review/reports/2",
                        "/quarters/2024-25-Q1/review/close"),
                html.select("main form").eachAttr("action"));
        assertEquals(
                List.of("4", "4", "4"),
                html.select("main form input[name=version]").eachAttr("value"));
        assertEquals("Patrols <b>doubled</b>.", html.selectFirst("#summary-1").text());
        assertTrue(html.selectFirst(".govuk-warning-text").text().contains("1 report is still missing"));
        for (Element textarea : html.select("textarea")) {
            assertNotNull(
                    html.selectFirst("label[for=" + textarea.id() + "]"),
                    "every field has its label: " + textarea.id());
        }
    }

    @Test
    void aRefusedReportShowsAnErrorSummaryLinkedToItsFieldWithTheTextKept() {
        Document html = page(
                true,
                Set.of(1, 2),
                ReviewPages.errors(List.of(new FormRefused.FieldError(null, "summary", "is required")), 2));
        assertTrue(html.title().startsWith("Error: "));
        Element link = html.selectFirst(".govuk-error-summary a");
        assertEquals("#summary-2", link.attr("href"));
        Element field = html.selectFirst(link.attr("href"));
        assertEquals("<script>x</script>", field.text(), "what was typed is kept, as text");
        assertTrue(field.hasClass("govuk-textarea--error"));
        assertEquals("summary-2-hint summary-2-error", field.attr("aria-describedby"));
        assertEquals(
                "Error: Enter a summary of the priority's progress",
                html.getElementById("summary-2-error").text());
        assertTrue(html.select("script:containsData(x)").isEmpty());
    }

    @Test
    void aRefusalAndASuccessAreShownInNotificationBanners() {
        Document html = render(ReviewPages.page(
                Q1,
                OPEN,
                HISTORY,
                true,
                Set.of(1, 2),
                ReviewPages.Entered.NOTHING,
                new ReviewPage.Refusal("The review was not closed", "The review of 2024/25 Q1 is <closed>."),
                List.of(),
                "report-2"));
        Element refusal = html.selectFirst(".govuk-notification-banner[role=region]");
        assertEquals(
                "The review was not closed",
                refusal.selectFirst(".govuk-notification-banner__heading").text());
        assertTrue(refusal.text().endsWith("The review of 2024/25 Q1 is <closed>."), refusal.text());
        assertEquals(
                refusal.attr("aria-labelledby"),
                refusal.selectFirst(".govuk-notification-banner__title").id());
        Element success = html.selectFirst(".govuk-notification-banner--success");
        assertEquals(
                "The report for priority 2 was submitted.",
                success.selectFirst("p").text());
        assertEquals("alert", success.attr("role"));
    }
}
