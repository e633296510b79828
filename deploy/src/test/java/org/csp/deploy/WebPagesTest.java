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
        return signedIn(user, "/quarters/");
    }

    /** Signed in as {@code user}, landing on a page whose path starts with {@code landing}. */
    private static Page signedIn(String user, String landing) {
        Page page = browser.newPage();
        page.navigate(web + "/sign-in");
        assertTrue(
                page.url().contains("/realms/csp/protocol/openid-connect/auth"), "Keycloak's sign-in: " + page.url());
        browser.look(page, "sign-in");
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(web + landing));
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
        assertEquals(0, page.locator("main form").count(), "a viewer records no figures");
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
     * A coordinator records one figure on an indicator's page, then uploads a CSV file with two bad rows: the error
     * summary lists both and nothing in the file is stored. The corrected file is recorded whole, revising the first
     * figure, and the revision history shows what was reported when and why.
     */
    @Test
    void aCoordinatorRecordsFiguresAndAFileWithBadRowsStoresNothing() throws Exception {
        Page page = signedIn("coordinator");
        String address = web + "/indicators/ASB-COMPLAINTS?from=2024-25-Q1&to=2024-25-Q1";
        assertEquals(200, page.navigate(address).status());
        assertEquals("E07000082", page.locator("#geography").inputValue(), "the page's place is offered");
        page.fill("#period", "2024-04");
        page.fill("#value", "31");
        page.click("button:has-text('Record the figure')");
        assertTrue(
                page.locator(".govuk-notification-banner--success")
                        .textContent()
                        .contains("April 2024 was recorded"),
                page.locator("main").textContent());
        browser.look(page, "indicator-recorded");

        String bad = """
                indicator,period,geography,value
                ASB-COMPLAINTS,2024-05,E07000082,27
                ASB-COMPLAINTS,2024-06,E07000082,lots
                ASB-COMPLAINTS,2024-13,E07000082,12
                """;
        page.setInputFiles(
                "#csv",
                new com.microsoft.playwright.options.FilePayload(
                        "complaints.csv", "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("button:has-text('Upload the file')");
        assertTrue(page.title().startsWith("Error: "), page.title());
        List<String> problems = page.locator(".govuk-error-summary li").allTextContents();
        assertEquals(2, problems.size(), String.join(" | ", problems));
        assertTrue(problems.get(0).startsWith("Row 2, column value"), problems.get(0));
        assertTrue(problems.get(1).startsWith("Row 3, column period"), problems.get(1));
        assertEquals("#csv", page.locator(".govuk-error-summary a").first().getAttribute("href"));
        browser.look(page, "indicator-upload-errors");
        String coordinator = stack.keycloak().userToken("coordinator");
        String stored = stack.url("gateway")
                + "/api/indicators/ASB-COMPLAINTS/data-points?geography=E07000082&from=2024-05&to=2024-06";
        Api.Reply none = Api.get(stored, coordinator);
        assertEquals(200, none.status(), none.body());
        assertEquals("[]", none.body().strip(), "nothing in a file with a bad row is stored");

        String good = """
                indicator,period,geography,value,reason
                ASB-COMPLAINTS,2024-04,E07000082,33,Two late complaints added
                ASB-COMPLAINTS,2024-05,E07000082,27,
                ASB-COMPLAINTS,2024-06,E07000082,25,
                """;
        page.setInputFiles(
                "#csv",
                new com.microsoft.playwright.options.FilePayload(
                        "complaints.csv", "text/csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("button:has-text('Upload the file')");
        assertEquals(
                "The file's 3 rows were recorded: 2 new, 1 revised and 0 already as reported.",
                page.locator(".govuk-notification-banner--success .govuk-notification-banner__heading")
                        .textContent()
                        .strip());
        List<String> revisions =
                page.locator("#revisions-heading + p + table tbody tr").allTextContents();
        assertEquals(2, revisions.size(), "April's two reports: " + String.join(" | ", revisions));
        assertTrue(revisions.get(0).contains("31") && revisions.get(0).contains("None given"), revisions.get(0));
        assertTrue(revisions.get(1).contains("33"), revisions.get(1));
        assertTrue(revisions.get(1).contains("Two late complaints added"), revisions.get(1));
        browser.look(page, "indicator-revisions");
        Api.Reply three = Api.get(stored.replace("from=2024-05", "from=2024-04"), coordinator);
        assertEquals(3, Api.JSON.readTree(three.body()).size(), three.body());
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

        // A report in paragraphs of the 4,000 characters the hint allows: the browser sends each line break as CR LF,
        // and the characters are counted as the person typed them
        String paragraph =
                "Patrols in the town centre went on with the police and the council's wardens; reports fell.";
        StringBuilder commentary = new StringBuilder();
        while (commentary.length() + paragraph.length() + 2 <= 4000) {
            commentary.append(paragraph).append("\n\n");
        }
        commentary.append(".".repeat(4000 - commentary.length()));
        first.navigate(web + "/initiatives/P1-02");
        first.check("input[name=status][value=on-track]");
        first.check("input[name=rag][value=green]");
        first.fill("#commentary", commentary.toString());
        first.click("button:has-text('Send report')");
        assertTrue(
                first.locator(".govuk-notification-banner--success").count() == 1,
                "a long report is recorded: " + first.locator("main").textContent());
        first.context().close();
        second.context().close();
    }

    /**
     * A priority lead and an engagement officer land on the dashboard with the navigation their roles allow; an
     * administrator, who reads no partnership's data, lands on the platform's status and may not open a dashboard.
     */
    @Test
    void everyRoleSignsInToWhatItsRolesAllow() {
        for (String user : List.of("lead", "engagement")) {
            Page page = signedIn(user);
            assertEquals(5, priorityHeadings(page).size(), user + ": " + String.join(" | ", priorityHeadings(page)));
            List<String> links = page.locator(".govuk-service-navigation__link").allTextContents();
            assertTrue(links.contains("Dashboard") && links.contains("Sign out"), user + ": " + links);
            assertTrue(!links.contains("County") && !links.contains("Platform"), user + ": " + links);
            browser.look(page, "dashboard-" + user);
            page.context().close();
        }
        Page admin = signedIn("admin", "/platform");
        assertTrue(admin.locator("h1").textContent().contains("Platform status"));
        assertTrue(admin.locator("main table").first().locator("tbody tr").count() >= 3, "the views' projections");
        assertEquals(3, admin.locator("main table").last().locator("tbody tr").count(), "the three relays");
        List<String> links = admin.locator(".govuk-service-navigation__link").allTextContents();
        assertTrue(!links.contains("Dashboard") && links.contains("Platform"), links.toString());
        browser.look(admin, "platform");
        assertEquals(403, admin.navigate(web + "/quarters/" + QUARTER).status());
        admin.context().close();
        Page coordinator = signedIn("coordinator");
        assertEquals(403, coordinator.navigate(web + "/platform").status(), "only administrators");
        coordinator.context().close();
    }

    /**
     * A partner agency's member of staff (the police's, in Stroud) records a figure of an indicator the police report,
     * and is told, without anything stored, that they may not record one the council reports; they report no progress.
     */
    @Test
    void aPartnerAgencysStaffRecordTheirOwnFiguresOnly() throws Exception {
        Page page = signedIn("partner");
        assertEquals(
                200,
                page.navigate(web + "/indicators/SV-VIOLENCE-WITH-INJURY?from=2024-25-Q2&to=2024-25-Q2")
                        .status());
        page.fill("#period", "2024-07");
        page.fill("#value", "1,204");
        page.check("#status-final");
        page.click("button:has-text('Record the figure')");
        assertTrue(
                page.locator(".govuk-notification-banner--success")
                        .textContent()
                        .contains("July 2024 was recorded"),
                page.locator("main").textContent());
        browser.look(page, "indicator-partner");
        Api.Reply recorded = Api.get(
                stack.url("gateway") + "/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points/E07000082/2024-07",
                stack.keycloak().userToken("coordinator"));
        assertEquals(200, recorded.status(), recorded.body());
        com.fasterxml.jackson.databind.JsonNode point = Api.JSON.readTree(recorded.body());
        assertEquals(1204, point.path("value").asInt(), recorded.body());
        assertEquals("final", point.path("status").asText());
        assertEquals("gloucestershire-constabulary", point.path("source").asText());

        assertEquals(
                200,
                page.navigate(web + "/indicators/ASB-COMPLAINTS?from=2024-25-Q3&to=2024-25-Q3")
                        .status());
        page.fill("#period", "2024-10");
        page.fill("#value", "12");
        page.click("button:has-text('Record the figure')");
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertTrue(
                page.locator(".govuk-error-summary").textContent().contains("You may not record figures"),
                page.locator(".govuk-error-summary").textContent());
        assertEquals("12", page.locator("#value").inputValue(), "what was typed is kept");
        Api.Reply none = Api.get(
                stack.url("gateway")
                        + "/api/indicators/ASB-COMPLAINTS/data-points?geography=E07000082&from=2024-10&to=2024-10",
                stack.keycloak().userToken("coordinator"));
        assertEquals("[]", none.body().strip(), "nothing stored");
        assertEquals(200, page.navigate(web + "/initiatives/P1-01").status());
        assertEquals(0, page.locator("main form").count(), "a partner reports no progress");
        page.context().close();
    }

    /**
     * The keyboard alone: the first Tab reaches the skip link, which moves to the content; Tab then reaches every link,
     * field and button of the page in turn, each showing where the focus is; and a report is chosen, written and sent
     * with keys only.
     */
    @Test
    void anInitiativesReportCanBeSentWithTheKeyboardAlone() {
        Page page = signedIn("coordinator");
        page.navigate(web + "/initiatives/P1-03");
        page.keyboard().press("Tab");
        assertEquals("Skip to main content", page.evaluate("document.activeElement.textContent.trim()"));
        page.keyboard().press("Enter");
        assertEquals("main-content", page.evaluate("document.activeElement.id"), "the skip link moves to the content");

        // every control a Tab can reach (a group of radios is one stop), numbered
        int focusable = ((Number) page.evaluate("(() => { let n = 0; const groups = {};"
                        + " for (const e of document.querySelectorAll('main a[href], main input:not([type=hidden]),"
                        + " main select, main textarea, main button')) {"
                        + "   if (e.getClientRects().length === 0 || e.tabIndex < 0) continue;"
                        + "   if (e.type === 'radio') {"
                        + "     if (!(e.name in groups)) groups[e.name] = n++;"
                        + "     e.dataset.stop = groups[e.name];"
                        + "   } else { e.dataset.stop = n++; } }"
                        + " return n; })()"))
                .intValue();
        assertTrue(focusable >= 5, "the quarter, two groups of radios, the commentary and the button: " + focusable);
        java.util.Set<String> reached = new java.util.TreeSet<>();
        java.util.List<String> unshown = new ArrayList<>();
        for (int i = 0; i < 3 * focusable && reached.size() < focusable; i++) {
            page.keyboard().press("Tab");
            Object stop = page.evaluate("(() => { const e = document.activeElement;"
                    + " if (!e || e.dataset.stop === undefined) return null;"
                    + " const style = getComputedStyle(e);"
                    + " const shown = style.outlineStyle !== 'none' || style.boxShadow !== 'none'"
                    + " || e.type === 'radio';" // GOV.UK rings a radio's label, not the hidden input
                    + " return e.dataset.stop + (shown ? '' : ' ' + (e.id || e.textContent.trim())); })()");
            if (stop != null) {
                String[] parts = stop.toString().split(" ", 2);
                reached.add(parts[0]);
                if (parts.length > 1) {
                    unshown.add(parts[1]);
                }
            }
        }
        assertEquals(focusable, reached.size(), "every control of the page is reached with Tab: " + reached);
        assertEquals(List.of(), unshown, "every control shows where the focus is");

        page.focus("input[name=status][value=on-track]");
        page.keyboard().press("Space");
        page.focus("input[name=rag][value=green]");
        page.keyboard().press("Space");
        page.focus("#commentary");
        page.keyboard().type("Cameras installed in the market square.");
        page.keyboard().press("Tab");
        assertEquals("Send report", page.evaluate("document.activeElement.textContent.trim()"));
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertTrue(
                page.locator(".govuk-notification-banner--success")
                        .textContent()
                        .contains("was recorded"),
                page.locator("main").textContent());
        page.context().close();
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

        // the analyst serves the six partnerships: the switcher picks the one the dashboard shows
        assertEquals(200, page.navigate(web + "/quarters/" + QUARTER).status());
        assertEquals(6, page.locator("#partnership-switcher option").count());
        page.selectOption("#partnership-switcher", "stroud");
        page.click("button:has-text('Show this partnership')");
        assertTrue(page.url().endsWith("/quarters/" + QUARTER), page.url());
        assertEquals("stroud", page.locator("#partnership-switcher").inputValue());
        assertEquals(5, priorityHeadings(page).size(), "Stroud's plan: " + String.join(" | ", priorityHeadings(page)));
        browser.look(page, "dashboard-analyst");
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

    /**
     * An engagement officer records an activity through the form: a form without a type or a title meets the error
     * summary (each error linked to its input, what was typed kept), a complete one lands on the activity with a
     * success banner (markup typed shown as text) and in the list, filtered by quarter and type; the same form sent
     * twice records once (its Idempotency-Key). Consultations show their published results; case reviews open.
     */
    @Test
    void anEngagementOfficerRecordsAnActivityAndSeesItInTheList() {
        String title = "Town centre safety workshop <b>with traders</b>";
        Page page = signedIn("engagement");
        assertEquals(200, page.navigate(web + "/engagement?quarter=" + QUARTER).status());
        int before = page.locator("main table tbody tr:has-text('Town centre safety workshop')")
                .count();
        browser.look(page, "engagement-list");

        page.click("a:has-text('Record an activity')");
        assertTrue(page.url().endsWith("/engagement/new"), page.url());
        browser.look(page, "engagement-form");
        page.fill("#startDate-day", "14");
        page.fill("#startDate-month", "8");
        page.fill("#startDate-year", "2024");
        page.fill("#outcomes", "Traders asked for more evening patrols.");
        page.click("button:has-text('Record activity')");
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertEquals(
                List.of("#type", "#title"),
                page.locator(".govuk-error-summary a").all().stream()
                        .map(a -> a.getAttribute("href"))
                        .toList());
        assertTrue(page.locator("#type-error").textContent().contains("Select the type of activity"));
        assertEquals(
                "Traders asked for more evening patrols.",
                page.locator("#outcomes").inputValue(),
                "kept");
        assertEquals("2024", page.locator("#startDate-year").inputValue());
        browser.look(page, "engagement-form-error");

        page.selectOption("#type", "workshop");
        page.fill("#title", title);
        page.check("input[name=priorities][value='1']");
        page.fill("#placeName", "Stroud Central");
        page.fill("#placeGss", "E07000082");
        page.fill("#attendance", "23");
        page.click("button:has-text('Record activity')");
        assertTrue(page.url().contains("/engagement/") && page.url().endsWith("?recorded=true"), page.url());
        assertTrue(page.locator(".govuk-notification-banner--success")
                .textContent()
                .contains("was recorded"));
        assertEquals(title, page.locator("h1").textContent());
        assertEquals(0, page.locator("main h1 b").count(), "markup in a title is shown as text");
        browser.look(page, "engagement-recorded");

        page.navigate(web + "/engagement/new");
        String key = page.locator("input[name=idempotencyKey]").inputValue();
        List<String> places = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // a double click: the same form twice
            com.microsoft.playwright.APIResponse sent = page.request()
                    .post(
                            web + "/engagement/new",
                            com.microsoft.playwright.options.RequestOptions.create()
                                    .setMaxRedirects(0)
                                    .setHeader("Origin", web)
                                    .setForm(com.microsoft.playwright.options.FormData.create()
                                            .set("idempotencyKey", key)
                                            .set("type", "public-event")
                                            .set("title", "Town centre safety workshop stall")
                                            .set("startDate-day", "20")
                                            .set("startDate-month", "8")
                                            .set("startDate-year", "2024")));
            assertEquals(303, sent.status(), sent.text());
            places.add(sent.headers().get("location"));
        }
        assertEquals(places.get(0), places.get(1), "the second send answers with the first record");

        page.navigate(web + "/engagement?quarter=" + QUARTER);
        assertEquals(
                before + 2,
                page.locator("main table tbody tr:has-text('Town centre safety workshop')")
                        .count(),
                "the form's record and the double-sent one, once");
        page.selectOption("#type", "workshop");
        page.click("button:has-text('Filter')");
        assertTrue(page.url().contains("type=workshop") && page.url().contains("quarter=" + QUARTER), page.url());
        int workshops = page.locator("main table tbody tr").count();
        assertTrue(workshops >= 1);
        assertEquals(
                workshops,
                page.locator("main table tbody tr:has(td:text-is('Workshop'))").count());
        assertTrue(page.locator("main table").textContent().contains(title));
        assertTrue(page.locator("[role=status]").textContent().startsWith("Showing " + workshops + " of "));
        browser.look(page, "engagement-list-filtered");
        page.navigate(web + "/engagement?place=E07000082");
        assertEquals(
                1, page.locator("main table tbody tr").count(), "only the activity recorded with the district's code");
        assertTrue(page.locator("main table tbody").textContent().contains("Stroud Central (E07000082)"));

        String officer = stack.keycloak().userToken("engagement");
        String consultations = stack.url("gateway") + "/api/consultations";
        Api.Reply opened = Api.post(consultations, officer, """
                {"id": "web-residents-survey", "kind": "survey", "title": "Residents' survey 2024", "opensOn": "2024-06-01",
                 "plannedClose": "2024-07-31", "priorities": [4],
                 "questions": [{"code": "Q1", "text": "Do you feel safe outside after dark?"}]}""");
        assertEquals(201, opened.status(), opened.body());
        Api.Reply closed = Api.send(
                "POST",
                consultations + "/web-residents-survey/close",
                officer,
                java.util.Map.of("If-Match", opened.header("ETag"), "Content-Type", "application/json"),
                "{\"closedOn\": \"2024-07-31\"}");
        assertEquals(200, closed.status(), closed.body());
        Api.Reply published = Api.send(
                "POST",
                consultations + "/web-residents-survey/results",
                officer,
                java.util.Map.of("If-Match", closed.header("ETag"), "Content-Type", "application/json"),
                """
                {"publishedOn": "2024-09-02", "period": "2024/25", "geography": "E07000082",
                 "results": [{"question": "Q1", "percentage": 71.5, "sampleSize": 812}]}""");
        assertEquals(200, published.status(), published.body());
        page.navigate(web + "/engagement");
        page.click("a:has-text('Consultations and surveys')");
        browser.look(page, "consultations");
        page.click("a:has-text(\"Residents' survey 2024\")");
        assertTrue(page.locator("#results + p + table").textContent().contains("71.5%"));
        assertTrue(page.locator("#results + p + table").textContent().contains("Do you feel safe outside after dark?"));
        browser.look(page, "consultation");

        Api.Reply received = Api.post(stack.url("gateway") + "/api/case-reviews", officer, """
                {"caseReference": "ASB-CR-2024-031", "receivedOn": "2024-08-02",
                 "organisationNames": ["Stroud District Council", "Gloucestershire Constabulary"]}""");
        assertEquals(201, received.status(), received.body());
        assertEquals(200, page.navigate(web + "/case-reviews").status());
        assertTrue(page.locator(".govuk-service-navigation").textContent().contains("Case reviews"));
        browser.look(page, "case-reviews");
        page.click("a:has-text('ASB-CR-2024-031')");
        assertEquals("ASB-CR-2024-031", page.locator("h1").textContent());
        assertTrue(page.locator("main dl").textContent().contains("2 August 2024"));
        assertTrue(page.locator("main dl").textContent().contains("Not decided yet"));
        browser.look(page, "case-review");
        page.context().close();
    }

    /** A viewer reads the engagement list but is offered no form, no case reviews, and gets the 403 page for them. */
    @Test
    void aViewerSeesEngagementButNoRecordFormAndNoCaseReviews() {
        Page page = signedIn("viewer");
        assertEquals(200, page.navigate(web + "/engagement").status());
        assertEquals(0, page.locator("a:has-text('Record an activity')").count());
        assertEquals(0, page.locator("a[href='/case-reviews']").count(), "no link to the case reviews");
        assertTrue(page.locator(".govuk-service-navigation").textContent().contains("Engagement"));
        browser.look(page, "engagement-viewer");
        assertEquals(403, page.navigate(web + "/engagement/new").status());
        assertEquals(403, page.navigate(web + "/case-reviews").status());
        assertTrue(page.locator("h1").textContent().contains("You cannot see this page"));
        browser.look(page, "case-reviews-forbidden");
        assertEquals(403, page.navigate(web + "/case-reviews/ASB-CR-2024-031").status());
        page.context().close();
        Page lead = signedIn("lead");
        assertEquals(403, lead.navigate(web + "/case-reviews").status(), "a priority lead may not read them either");
        assertEquals(
                0,
                lead.locator(".govuk-service-navigation a:has-text('Case reviews')")
                        .count());
        lead.context().close();
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
