package org.csp.deploy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.csp.deploy.LocalStack;
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
        Path data = Path.of(
                System.getProperty("csp.stack.data", "target/e2e"),
                UUID.randomUUID().toString());
        stack = LocalStack.start(LocalStack.Settings.ephemeral(data));
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
        page.context().close();
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
}
