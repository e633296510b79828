package org.csp.deploy.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.csp.infrastructure.Chromium;
import org.csp.infrastructure.RepoRoot;

/**
 * A real Chromium driven by Playwright: Debian's ({@link Chromium}), never one Playwright downloads. Each person gets a
 * context of their own (their own cookies); every page a test looks at is checked with axe-core and kept as a
 * screenshot in {@code web/target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** The WCAG 2.2 AA rules (and those of the earlier versions it includes) axe-core checks. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Impacts that fail a page; minor and moderate ones are reported by axe but accepted. */
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium, Path screenshots) {
        this.playwright = playwright;
        this.chromium = chromium;
        this.screenshots = screenshots;
    }

    public static Browser launch() {
        Path executable = Chromium.executable();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            com.microsoft.playwright.Browser chromium = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(Chromium.ARGUMENTS));
            Path screenshots = RepoRoot.find().resolve("web/target/screenshots");
            Files.createDirectories(screenshots);
            return new Browser(playwright, chromium, screenshots);
        } catch (IOException e) {
            playwright.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new person at the browser: no cookies, an A4-friendly desktop window. */
    public Page newPage() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setLocale("en-GB"));
        return context.newPage();
    }

    /**
     * The page as it stands: kept as {@code name}.png and checked with axe-core; a serious or critical violation of
     * WCAG 2.2 AA fails the test, naming the rule and the elements.
     */
    public void look(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(screenshots.resolve(name + ".png"))
                .setFullPage(true));
        AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!failing.isEmpty()) {
            fail(name + " (" + page.url() + ") has accessibility violations:\n"
                    + failing.stream()
                            .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                    + rule.getNodes().stream()
                                            .map(node -> String.valueOf(node.getTarget()))
                                            .collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
