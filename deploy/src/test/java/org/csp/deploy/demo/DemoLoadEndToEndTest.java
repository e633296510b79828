package org.csp.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.csp.calendar.FinancialQuarter;
import org.csp.deploy.LocalStack;
import org.csp.deploy.TestStacks;
import org.csp.deploy.demo.DemoData.Figure;
import org.csp.deploy.demo.DemoData.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slice of the demo data set (Stroud and Cotswold, 2023/24 Q4 to 2024/25 Q4, four initiatives) loaded through the
 * gateway of a real stack, read back through the gateway's views, and loaded a second time without changing a total.
 */
class DemoLoadEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final FinancialQuarter FROM = new FinancialQuarter(2023, 4);
    private static final FinancialQuarter TO = new FinancialQuarter(2024, 4);
    private static final Set<String> INITIATIVES = Set.of("P1-01", "P1-02", "P2-01", "P4-01");

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void start() {
        Path data = Path.of(
                System.getProperty("csp.stack.data", "target/e2e"),
                UUID.randomUUID().toString());
        stack = LocalStack.start(TestStacks.settings(data));
        gateway = stack.url("gateway");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSliceLoadsThroughTheGatewayShowsInTheViewsAndASecondLoadChangesNoTotal() throws Exception {
        DemoLoader loader = new DemoLoader(
                gateway,
                DemoLoader.of(stack.keycloak()::userToken, stack.keycloak()::clientToken),
                LocalDate.now(ZoneId.of("Europe/London")),
                System.out::println);
        DemoData slice = DemoGenerator.generate(DemoGenerator.SEED, DemoStart.districts(), loader.initiatives())
                .slice(
                        q -> q.compareTo(FROM) >= 0 && q.compareTo(TO) <= 0,
                        Set.of("stroud", "cotswold")::contains,
                        INITIATIVES::contains);
        assertTrue(slice.figures().size() > 100 && !slice.revisions().isEmpty(), "a slice with revisions");

        DemoLoader.Loaded first = loader.load(slice);
        assertEquals(slice.figures().size(), first.recorded(), first.toString());
        assertEquals(slice.revisions().size(), first.revised(), first.toString());
        assertEquals(slice.progress().size(), first.progress(), first.toString());
        assertEquals(5, slice.reviews().size());
        assertEquals(5, first.reviewsClosed(), "every quarter of the slice is closed");
        assertEquals(2, first.surveys(), "the surveys published in January 2024 and 2025");
        assertEquals(slice.engagements().size(), first.engagements(), first.toString());
        assertEquals(0, first.replayed(), first.toString());
        assertEquals(slice.comparators().size(), first.comparators(), first.toString());
        assertEquals(1, first.caseReviews(), "the review received in 2023/24 Q4");

        // the quarterly view shows the progress as the lead reported it
        Progress p = slice.progress().stream()
                .filter(x -> x.initiativeId().equals("P1-01") && x.quarter().equals(new FinancialQuarter(2024, 2)))
                .findFirst()
                .orElseThrow();
        JsonNode view = await(
                "/api/views/quarterly/2024-25-Q2",
                "viewer",
                v -> p.commentary()
                        .equals(initiative(v, "P1-01").path("commentary").asText()));
        assertEquals(p.status(), initiative(view, "P1-01").path("status").asText());
        long engagements = slice.engagements().stream()
                .filter(e -> FinancialQuarter.of(e.startDate()).equals(new FinancialQuarter(2024, 2)))
                .count();
        assertEquals(
                engagements,
                view.at("/totals/engagement/records").asLong(),
                "the quarter's engagement was in before its review closed: " + view.at("/totals/engagement"));
        assertEquals("closed", view.at("/review/state").asText());

        // the series shows the figures, revisions included
        String series = "/api/views/indicators/ASB-INCIDENTS/series?from=2024-25-Q1&to=2024-25-Q4";
        BigDecimal expected = latest(slice, "ASB-INCIDENTS", "stroud", new FinancialQuarter(2024, 1));
        JsonNode points =
                await(series, "viewer", v -> expected.compareTo(sum(v)) == 0).get("points");
        assertEquals(12, points.size(), "twelve months");
        assertTrue(points.get(0).path("familyGroup").has("average"), "the family group's band: " + points.get(0));
        assertTrue(expected.compareTo(BigDecimal.valueOf(400)) > 0, "Stroud's ASB in a year: " + expected);

        Map<String, String> before = totals(series);
        DemoLoader.Loaded second = loader.load(slice);
        assertEquals(0, second.recorded(), second.toString());
        assertEquals(0, second.revised(), second.toString());
        assertEquals(0, second.progress(), "closed quarters are not reported again: " + second);
        assertEquals(0, second.reviewsClosed(), second.toString());
        assertEquals(0, second.surveys(), second.toString());
        assertEquals(0, second.caseReviews(), second.toString());
        assertEquals(0, second.engagements(), second.toString());
        assertEquals(0, second.comparators(), second.toString());
        assertTrue(second.replayed() > 0, "batches and engagement records answered as replays: " + second);
        Thread.sleep(1_000); // anything a second load had stored would be in the views by now
        assertEquals(before, totals(series));
    }

    /** What a second load must not change: the series' sum, the engagement records, the reviews and the view. */
    private static Map<String, String> totals(String series) throws Exception {
        Map<String, String> totals = new TreeMap<>();
        totals.put("series", sum(get(series, "viewer")).toPlainString());
        totals.put(
                "engagements",
                Integer.toString(get("/api/engagements", "viewer").size()));
        totals.put("review", get("/api/reviews/2024-25-Q2", "viewer").toString());
        totals.put("view", get("/api/views/quarterly/2024-25-Q2", "viewer").toString());
        totals.put(
                "progress",
                get("/api/initiatives/P1-01", "viewer").path("progress").toString());
        return totals;
    }

    private static BigDecimal latest(DemoData set, String indicator, String partnership, FinancialQuarter fromQuarter) {
        Map<String, BigDecimal> latest = new TreeMap<>();
        Predicate<Figure> wanted = f -> f.indicator().equals(indicator)
                && f.partnership().equals(partnership)
                && f.quarter().startYear() == fromQuarter.startYear();
        set.figures().stream().filter(wanted).forEach(f -> latest.put(f.geography() + f.period(), f.value()));
        set.revisions().stream().filter(wanted).forEach(f -> latest.put(f.geography() + f.period(), f.value()));
        return latest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(JsonNode series) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode point : series.path("points")) {
            if (point.hasNonNull("value")) {
                sum = sum.add(point.get("value").decimalValue());
            }
        }
        return sum;
    }

    private static JsonNode initiative(JsonNode view, String id) {
        for (JsonNode node : view.path("initiatives")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        return JSON.missingNode();
    }

    private static JsonNode await(String path, String user, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path, user);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        fail(path + " did not get there in 30 s; last: " + last);
        return null;
    }

    private static JsonNode get(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Authorization", "Bearer " + stack.keycloak().userToken(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
