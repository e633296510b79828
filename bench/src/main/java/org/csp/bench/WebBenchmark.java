package org.csp.bench;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web frontend's pages as a coordinator sees them, on the demo data set ({@code deploy/run --demo}: four years of
 * figures for the six districts, progress, engagement, reviews): signs in through Keycloak's own sign-in form as a
 * browser would, then N clients read the latest quarter's dashboard, a priority's page, an indicator's page and the
 * year-end page back to back, each for N seconds; prints the latencies. The target (issue 19): a dashboard served in
 * under 300 ms. Nothing is timed in a test.
 */
public final class WebBenchmark {

    private static final String USAGE = "bench/web [--seconds N] [--clients N]";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACTION_FIRST =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

    private record Page(String name, String path) {}

    private record Measured(Page page, Load.Result result) {}

    public static void main(String[] args) throws Exception {
        int seconds = 30, clients = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--seconds" -> seconds = value;
                case "--clients" -> clients = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (args.length % 2 != 0 || seconds < 1 || clients < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        BenchStack stack = BenchStack.startOrReuse("web-stack.log", "--demo");
        try {
            LocalCookies jar = new LocalCookies();
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(jar)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String dashboard = signIn(browser, stack.web, "coordinator");
            String home = browser.send(
                            HttpRequest.newBuilder(URI.create(stack.web + dashboard))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (!home.contains("synthetic demo data")) {
                throw new IllegalStateException("The running stack does not hold the demo data set: stop it, and run"
                        + " bench/web alone (it starts ./deploy/run --demo) or start ./deploy/run --demo first.");
            }
            ResidentMemory.print("before the load");
            String cookie = jar.header();
            String quarter = dashboard.substring("/quarters/".length());
            List<Page> pages = List.of(
                    new Page("dashboard " + quarter, dashboard),
                    new Page("priority 1", dashboard + "/priorities/1"),
                    new Page("indicator ASB-INCIDENTS (12 quarters)", "/indicators/ASB-INCIDENTS?to=" + quarter),
                    new Page("year-end " + quarter.substring(0, 7), "/years/" + quarter.substring(0, 7)));
            Map<String, String> session = Map.of("Cookie", cookie);
            for (Page page : pages) { // warm, not measured
                Load.run(page.name() + " (warm-up)", stack.web + page.path(), null, session, 200, 5, clients, a -> 0);
            }
            List<Measured> measured = new ArrayList<>();
            for (Page page : pages) {
                measured.add(new Measured(
                        page,
                        Load.run(page.name(), stack.web + page.path(), null, session, 200, seconds, clients, a -> 0)));
            }
            System.out.printf(
                    "%n%s, the web frontend on the demo data set, signed in as the coordinator, %d clients, %d s a"
                            + " page:%n%n",
                    LocalDate.now(), clients, seconds);
            System.out.println("| page | answers | errors | bytes | p50 ms | p99 ms | max ms | answers/s |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Measured m : measured) {
                Load.Result r = m.result();
                System.out.printf(
                        "| %s | %,d | %d | %,d | %.1f | %.1f | %.1f | %,.0f |%n",
                        m.page().name(), r.requests(), r.errors(), r.bytes(), r.p50(), r.p99(), r.max(), r.perSecond());
            }
            ResidentMemory.print("after the load");
        } finally {
            stack.close();
        }
    }

    /**
     * Signs in as a browser does: the web frontend sends it to Keycloak's sign-in form, the form is posted with the
     * demo user's password (= its name), Keycloak sends it back with a code and the web frontend opens a session.
     * Returns the path it lands on (the latest quarter's dashboard).
     */
    static String signIn(HttpClient browser, String web, String user) throws Exception {
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create(web + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = LOGIN_FORM.matcher(form.body());
        if (!action.find()) {
            action = ACTION_FIRST.matcher(form.body());
            if (!action.find()) {
                throw new IllegalStateException("No Keycloak sign-in form at " + form.uri());
            }
        }
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> landed = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String path = landed.uri().getPath();
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(web + "/quarters/")) {
            throw new IllegalStateException(
                    "Signing in as " + user + " ended at " + landed.uri() + " (" + landed.statusCode() + ")");
        }
        return path;
    }

    /**
     * The cookies of a browser on this machine: every cookie set by the web frontend or Keycloak (both on 127.0.0.1,
     * on different ports, with names of their own) is sent back to both. Keycloak marks its sign-in cookies
     * {@code Secure}, which a browser sends to 127.0.0.1 over plain HTTP (a secure context) and Java's
     * {@code CookieManager} does not.
     */
    static final class LocalCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie.getValue());
                            }
                        }
                    }
                }
            });
        }

        String header() {
            return cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }
}
