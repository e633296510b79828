package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.csp.deploy.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web frontend in a real Chromium against the whole local stack (as deploy/run starts it, the Stroud plan
 * loaded): people sign in through Keycloak's own page, and every page a test visits is checked with axe-core and kept
 * as a screenshot ({@link Browser#look}).
 */
class WebPagesTest {

    private static final String QUARTER = "2024-25-Q2";

    private static LocalStack stack;
    private static Browser browser;
    private static String web;

    @BeforeAll
    static void start() {
        stack = TestStacks.start();
        web = stack.url("web");
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** A new browser signed in as {@code user} through Keycloak's sign-in page (the demo realm: password = name). */
    private static Page signedIn(String user) {
        Page page = browser.newPage();
        page.navigate(web + "/sign-in");
        assertTrue(
                page.url().contains("/realms/csp/protocol/openid-connect/auth"), "Keycloak's sign-in: " + page.url());
        browser.look(page, "sign-in");
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(web + "/quarters/"));
        return page;
    }

    private static List<String> priorityHeadings(Page page) {
        return page.locator("main h2").allTextContents().stream()
                .filter(text -> text.startsWith("Priority "))
                .toList();
    }

    @Test
    void aCoordinatorSignsInAndSeesTheQuartersDashboardWithTheFivePriorities() {
        Page page = signedIn("coordinator");
        Response response = page.navigate(web + "/quarters/" + QUARTER);
        assertEquals(200, response.status());
        assertEquals(5, priorityHeadings(page).size(), String.join(" | ", priorityHeadings(page)));
        assertTrue(page.locator("main").textContent().contains("Quarterly review"));
        browser.look(page, "dashboard-coordinator");

        page.click("main h2 a:has-text('Priority 1')");
        assertTrue(page.url().startsWith(web + "/quarters/" + QUARTER + "/priorities/1"), page.url());
        int all = page.locator("main table tbody tr").count();
        assertTrue(all > 0, "priority 1 lists its initiatives");
        assertTrue(page.locator("[role=status]").textContent().contains("Showing " + all + " of " + all));
        browser.look(page, "priority");
        page.check("#overdue");
        page.click("button:has-text('Filter')");
        assertTrue(page.url().contains("overdue=true"), page.url());
        assertTrue(page.locator("[role=status]").textContent().contains(" of " + all + " initiatives"));
        assertEquals(
                page.locator("main table tbody tr").count(),
                page.locator("main table tbody tr:has(.govuk-tag:has-text('Overdue'))")
                        .count(),
                "only overdue initiatives are listed");
        page.context().close();
    }

    /**
     * An indicator's page: the police's monthly figures for Stroud as a chart (an image with a title) and a table, and
     * as a CSV download, with the figure the police posted.
     */
    @Test
    void anIndicatorsPageShowsItsSeriesAsAChartATableAndACsv() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 18; i++) { // April 2023 to September 2024
            java.time.YearMonth month = java.time.YearMonth.of(2023, 4).plusMonths(i);
            rows.add("{\"indicator\":\"ASB-INCIDENTS\",\"period\":\"%s\",\"geography\":\"E07000082\",\"value\":%d}"
                    .formatted(month, 100 + i));
        }
        Api.Reply posted = Api.post(
                stack.url("gateway") + "/api/data-points/batch",
                stack.keycloak().clientToken("police-gloucestershire"),
                "[" + String.join(",", rows) + "]",
                UUID.randomUUID().toString());
        assertEquals(200, posted.status(), posted.body());
        Page page = signedIn("viewer");
        String address = web + "/indicators/ASB-INCIDENTS?from=2023-24-Q1&to=2024-25-Q2";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        do { // the gateway's projection applies the figures within moments
            assertEquals(200, page.navigate(address).status());
        } while (!page.locator("main table").textContent().contains("117") && System.nanoTime() < deadline);
        assertEquals(18, page.locator("main table tbody tr").count());
        assertTrue(page.locator("main table tbody tr").last().textContent().contains("September 2024"));
        assertTrue(page.locator("main table tbody tr").last().textContent().contains("117"));
        assertEquals(1, page.locator("main svg[role=img] > title").count());
        browser.look(page, "indicator");
        String csvHref = page.locator("a[download]").getAttribute("href");
        com.microsoft.playwright.APIResponse csv = page.request().get(web + csvHref);
        assertEquals(200, csv.status());
        assertTrue(
                csv.headers().get("content-type").startsWith("text/csv"),
                csv.headers().toString());
        List<String> lines = csv.text().lines().toList();
        assertEquals(19, lines.size(), csv.text());
        assertTrue(lines.get(18).startsWith("2024-09,117,2023-09,105,"), lines.get(18));
        page.context().close();
    }

    /**
     * Two coordinators open the same initiative; the first reports progress (markup in the commentary stays text), the
     * second's form is then stale: the page says someone else updated it, keeps the second's report in the form, and
     * sending it again records it. A report at risk without commentary meets the error summary.
     */
    @Test
    void aCoordinatorReportsProgressAndAStaleFormSaysSomeoneElseUpdatedIt() {
        Page first = signedIn("coordinator");
        Page second = signedIn("coordinator");
        first.navigate(web + "/initiatives/P1-02");
        second.navigate(web + "/initiatives/P1-02");
        browser.look(first, "initiative");

        first.check("input[name=status][value=on-track]");
        first.check("input[name=rag][value=green]");
        first.fill("#commentary", "Patrols began with <b>partners</b>.");
        first.click("button:has-text('Send report')");
        assertTrue(first.locator(".govuk-notification-banner--success")
                .textContent()
                .contains("was recorded"));
        assertTrue(first.locator("#progress + table").textContent().contains("Patrols began with <b>partners</b>."));
        assertEquals(0, first.locator("#progress + table b").count(), "markup in a commentary is shown as text");
        browser.look(first, "initiative-reported");

        second.check("input[name=status][value=at-risk]");
        second.check("input[name=rag][value=amber]");
        second.fill("#commentary", "Funding is late.");
        second.click("button:has-text('Send report')");
        assertTrue(second.locator(".govuk-notification-banner").textContent().contains("Someone else updated"));
        assertEquals("Funding is late.", second.locator("#commentary").inputValue(), "the report is kept");
        assertTrue(second.locator("input[name=status][value=at-risk]").isChecked());
        assertTrue(second.locator("#progress + table").textContent().contains("Patrols began"), "their report shown");
        browser.look(second, "initiative-stale");
        second.click("button:has-text('Send report')");
        assertTrue(second.locator(".govuk-notification-banner--success")
                .textContent()
                .contains("was recorded"));
        assertTrue(second.locator("#progress + table").textContent().contains("Funding is late."));

        second.check("input[name=status][value=off-track]");
        second.fill("#commentary", "");
        second.click("button:has-text('Send report')");
        assertTrue(second.locator(".govuk-error-summary").textContent().contains("commentary"));
        assertEquals(
                "#commentary", second.locator(".govuk-error-summary a").first().getAttribute("href"));
        assertTrue(second.title().startsWith("Error: "));
        browser.look(second, "initiative-error");

        int reports = second.locator("#progress + table tbody tr").count();
        String version = second.locator("input[name=version]").inputValue(); // a report on it would be recorded
        for (String origin : new String[] {"http://attacker.example", null}) {
            com.microsoft.playwright.options.RequestOptions request =
                    com.microsoft.playwright.options.RequestOptions.create()
                            .setMaxRedirects(0)
                            .setForm(com.microsoft.playwright.options.FormData.create()
                                    .set("version", version)
                                    .set("quarter", "2025-26-Q4")
                                    .set("status", "completed")
                                    .set("rag", "green")
                                    .set("commentary", "Forged."));
            if (origin != null) {
                request.setHeader("Origin", origin);
            }
            com.microsoft.playwright.APIResponse forged =
                    second.request().post(web + "/initiatives/P1-02/progress", request);
            assertEquals(403, forged.status(), "a form from another origin, or from none: " + origin);
        }
        second.navigate(web + "/initiatives/P1-02");
        assertEquals(reports, second.locator("#progress + table tbody tr").count(), "nothing was recorded");
        assertTrue(!second.locator("#progress + table").textContent().contains("Forged."));
        first.context().close();
        second.context().close();
    }

    @Test
    void aViewerSeesAnInitiativeButNoForm() {
        Page page = signedIn("viewer");
        assertEquals(200, page.navigate(web + "/initiatives/P1-01").status());
        assertTrue(page.locator("h1").textContent().startsWith("P1-01"));
        assertEquals(0, page.locator("main form").count());
        browser.look(page, "initiative-viewer");
        page.context().close();
    }

    /** The year-end assessment: the five priorities, and on paper (print media) no navigation. */
    @Test
    void theYearEndAssessmentListsThePrioritiesAndPrintsWithoutTheNavigation() {
        Page page = signedIn("coordinator");
        assertEquals(200, page.navigate(web + "/years/2024-25").status());
        assertEquals(
                5,
                page.locator("main h2").allTextContents().stream()
                        .filter(text -> text.startsWith("Priority "))
                        .count());
        assertTrue(page.locator(".govuk-service-navigation").isVisible());
        browser.look(page, "year");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertTrue(!page.locator(".govuk-service-navigation").isVisible(), "the printed page has no navigation");
        browser.look(page, "year-print");
        page.context().close();
    }

    /** A county analyst sees every partnership side by side and downloads the county feed; a coordinator may not. */
    @Test
    void aCountyAnalystSeesEveryPartnershipSideBySide() {
        Page page = signedIn("analyst");
        assertEquals(200, page.navigate(web + "/county/" + QUARTER).status());
        assertEquals(
                6,
                page.locator("main thead th").count() - 1,
                "a column for each of the six partnerships: "
                        + page.locator("main thead").textContent());
        browser.look(page, "county");
        com.microsoft.playwright.APIResponse csv =
                page.request().get(web + page.locator("a[download]").getAttribute("href"));
        assertEquals(200, csv.status());
        assertTrue(
                csv.text().startsWith("partnership,partnershipName,"),
                csv.text().lines().findFirst().orElse(""));
        page.context().close();
        Page coordinator = signedIn("coordinator");
        assertEquals(403, coordinator.navigate(web + "/county/" + QUARTER).status());
        browser.look(coordinator, "county-forbidden");
        coordinator.context().close();
    }

    @Test
    void aResidentSeesThePublicFiguresAndIsAskedToSignInForAnythingElse() {
        Page page = browser.newPage();
        Response response = page.navigate(web + "/public/" + QUARTER);
        assertEquals(200, response.status());
        assertTrue(page.locator("h1").textContent().length() > 0);
        browser.look(page, "public-figures");
        page.navigate(web + "/quarters/" + QUARTER);
        assertTrue(
                page.url().contains("/realms/csp/protocol/openid-connect/auth"),
                "the dashboard asks a resident to sign in: " + page.url());
        page.context().close();
    }

    /** The quarter whose review these tests open, report on and close: no other test of this class uses its review. */
    private static final String REVIEWED = "2024-25-Q1";

    /**
     * The quarterly review from the dashboard: the coordinator opens it and sees the five reports missing; the lead of
     * priority 1 has a form for that priority only, meets the error summary with an empty summary and submits the
     * report (markup stays text); the coordinator's form, written meanwhile, is stale and keeps its text; the
     * coordinator closes the review with reports missing (warned first), then reopens it for a reason.
     */
    @Test
    void aQuarterlyReviewIsOpenedReportedOnClosedAndReopened() {
        Page coordinator = signedIn("coordinator");
        coordinator.navigate(web + "/quarters/" + REVIEWED);
        coordinator.click("main a:has-text('See the review and its reports')");
        assertEquals(web + "/quarters/" + REVIEWED + "/review", coordinator.url());
        assertEquals(
                "Review not opened",
                coordinator.locator("#review-state .govuk-tag").textContent());
        browser.look(coordinator, "review-not-opened");
        coordinator.click("button:has-text('Open the review of 2024/25 Q1')");
        assertTrue(coordinator
                .locator(".govuk-notification-banner--success")
                .textContent()
                .contains("is open"));
        assertEquals(
                "Review open", coordinator.locator("#review-state .govuk-tag").textContent());
        assertEquals(
                5, coordinator.locator("ul[aria-labelledby=missing-reports] li").count());
        browser.look(coordinator, "review-open");

        Page lead = signedIn("lead");
        Response shown = lead.navigate(web + "/quarters/" + REVIEWED + "/review");
        assertEquals(200, shown.status());
        assertEquals(1, lead.locator("main form").count(), "a form for the lead's own priority only");
        assertTrue(lead.locator("main form").getAttribute("action").endsWith("/review/reports/1"));
        lead.click("button:has-text('Submit the report for priority 1')");
        assertTrue(lead.title().startsWith("Error: "));
        assertEquals(
                "#summary-1", lead.locator(".govuk-error-summary a").first().getAttribute("href"));
        assertTrue(lead.locator("#summary-1-error").textContent().contains("Enter a summary"));
        browser.look(lead, "review-error");
        lead.fill("#summary-1", "Patrols <b>doubled</b> with partners.");
        lead.click("button:has-text('Submit the report for priority 1')");
        assertTrue(lead.locator(".govuk-notification-banner--success")
                .textContent()
                .contains("The report for priority 1 was submitted."));
        assertTrue(lead.locator("#priority-1 + p").textContent().contains("Report submitted"));
        assertTrue(lead.locator("section[aria-labelledby=priority-1]")
                .textContent()
                .contains("Patrols <b>doubled</b> with partners."));
        assertEquals(0, lead.locator("section[aria-labelledby=priority-1] b").count(), "markup is shown as text");
        assertEquals(4, lead.locator("ul[aria-labelledby=missing-reports] li").count());
        browser.look(lead, "review-reported");
        com.microsoft.playwright.APIResponse other = lead.request()
                .post(
                        web + "/quarters/" + REVIEWED + "/review/reports/2",
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setHeader("Origin", web)
                                .setForm(com.microsoft.playwright.options.FormData.create()
                                        .set(
                                                "version",
                                                lead.locator("input[name=version]")
                                                        .inputValue())
                                        .set("summary", "Not my priority.")));
        assertEquals(403, other.status(), "plan-service refuses a lead another priority's report");
        assertTrue(other.text().contains("Your report was not submitted"), "shown on the page, not an error page");

        coordinator.fill("#summary-2", "Violence work <i>continues</i>.");
        coordinator.click("button:has-text('Submit the report for priority 2')");
        assertTrue(coordinator
                .locator(".govuk-notification-banner")
                .first()
                .textContent()
                .contains("Someone else updated this review"));
        assertEquals(
                "Violence work <i>continues</i>.",
                coordinator.locator("#summary-2").inputValue(),
                "text kept");
        assertTrue(coordinator.locator("#priority-1 + p").textContent().contains("Report submitted"), "theirs shown");
        browser.look(coordinator, "review-stale");
        coordinator.click("button:has-text('Submit the report for priority 2')");
        assertTrue(coordinator
                .locator(".govuk-notification-banner--success")
                .textContent()
                .contains("The report for priority 2 was submitted."));

        assertTrue(coordinator.locator(".govuk-warning-text").textContent().contains("3 reports are still missing"));
        coordinator.click("button:has-text('Close the review')");
        assertTrue(coordinator
                .locator(".govuk-notification-banner--success")
                .textContent()
                .contains("is closed"));
        assertEquals(
                "Review closed", coordinator.locator("#review-state .govuk-tag").textContent());
        assertTrue(coordinator.locator("#review-state").textContent().contains("Closed"));
        assertEquals(0, coordinator.locator("main form[action$='/close']").count());
        browser.look(coordinator, "review-closed");
        lead.navigate(web + "/quarters/" + REVIEWED + "/review");
        assertEquals(0, lead.locator("main form").count(), "a closed review takes no report");

        coordinator.click("button:has-text('Reopen the review')");
        assertEquals(
                "#reason", coordinator.locator(".govuk-error-summary a").first().getAttribute("href"));
        coordinator.fill("#reason", "The late report of priority 3.");
        coordinator.click("button:has-text('Reopen the review')");
        assertEquals(
                "Review open", coordinator.locator("#review-state .govuk-tag").textContent());
        assertTrue(
                coordinator.locator("#review-state").textContent().contains("Reason: The late report of priority 3."));
        browser.look(coordinator, "review-reopened");
        coordinator.context().close();
        lead.context().close();
    }

    @Test
    void aQuarterlyReviewShowsAViewerNoFormAndABadQuarterIsNotFound() {
        Page viewer = signedIn("viewer");
        assertEquals(
                200, viewer.navigate(web + "/quarters/" + REVIEWED + "/review").status());
        assertEquals("Quarterly review", viewer.locator("h1").textContent());
        assertEquals(0, viewer.locator("main form").count());
        browser.look(viewer, "review-viewer");
        assertEquals(404, viewer.navigate(web + "/quarters/2024-25-Q9/review").status());
        viewer.context().close();
    }
}
