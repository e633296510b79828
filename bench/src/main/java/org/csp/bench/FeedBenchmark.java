package org.csp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csp.calendar.FinancialQuarter;
import org.csp.geography.GeographyFile;
import org.csp.seed.SeedFiles;

/**
 * Safer Gloucestershire's county feed under load: the police post four years of monthly figures of the county core
 * set (and its quarterly one) for every district and ward of the six partnerships through the gateway's batch
 * endpoint, the run waits until the gateway's projection has applied them, then N clients pull
 * {@code GET /api/feeds/county/{quarter}} for the last complete quarter back to back: as JSON, as CSV, at ward level,
 * and with {@code If-None-Match} (304). Prints a table of latencies; nothing is timed in a test.
 */
public final class FeedBenchmark {

    private static final String POLICE_CLIENT = "police-gloucestershire";
    private static final String COUNTY_CLIENT = "safer-gloucestershire";
    private static final String ADMINISTRATOR = "admin";
    private static final String CORE = "indicators/county-core.json";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int YEARS = 4;
    private static final int BATCH = 500;

    /** The command line: seconds per phase, concurrent clients, and the partnership's views instead of the feed. */
    record Options(int seconds, int clients, boolean views) {
        static final String USAGE = "bench/feed [--seconds N] [--clients N] | bench/views [--seconds N] [--clients N]";

        static Options parse(String[] args) {
            boolean views = args.length > 0 && args[0].equals("--views");
            if (views) {
                args = Arrays.copyOfRange(args, 1, args.length);
            }
            int seconds = 30, clients = 4;
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("No value after " + args[args.length - 1] + "; " + USAGE);
            }
            for (int i = 0; i < args.length; i += 2) {
                int value = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--seconds" -> seconds = value;
                    case "--clients" -> clients = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; " + USAGE);
                }
            }
            if (seconds < 1 || clients < 1) {
                throw new IllegalArgumentException("--seconds and --clients must be at least 1");
            }
            return new Options(seconds, clients, views);
        }
    }

    /** What one phase measured: answers by status, the rows and bytes of one answer, latencies in ms. */
    record Phase(String name, int requests, int errors, int rows, int bytes, double p50, double p99, double max) {}

    private final Options options;
    private BenchStack stack;

    private FeedBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new FeedBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        stack = BenchStack.startOrReuse("feed-stack.log");
        try {
            BenchStack.Token police = stack.client(POLICE_CLIENT);
            BenchStack.Token county = stack.client(COUNTY_CLIENT);
            BenchStack.Token administrator = stack.user(ADMINISTRATOR);
            YearMonth last = YearMonth.from(LocalDate.now(UK)).minusMonths(1);
            // the last complete quarter: the one before today's
            FinancialQuarter now = FinancialQuarter.of(LocalDate.now(UK));
            FinancialQuarter quarter = now.quarter() == 1
                    ? new FinancialQuarter(now.startYear() - 1, 4)
                    : new FinancialQuarter(now.startYear(), now.quarter() - 1);
            int points = load(police, last);
            long applied = System.nanoTime();
            awaitApplied(administrator);
            System.out.printf(
                    "The gateway's projection applied them %.1f s after the last batch%n", BenchStack.seconds(applied));

            if (options.views()) {
                views(quarter, points);
                return;
            }
            String feed = stack.gateway + "/api/feeds/county/" + quarter.pathId();
            measure("warm-up (not measured)", feed, county, Map.of(), 200, Math.min(10, options.seconds()));
            List<Phase> phases = new ArrayList<>();
            phases.add(measure("JSON, district level, core set", feed, county, Map.of(), 200, options.seconds()));
            phases.add(measure(
                    "CSV, district level, core set",
                    feed,
                    county,
                    Map.of("Accept", "text/csv"),
                    200,
                    options.seconds()));
            phases.add(measure(
                    "JSON, ward level, core set", feed + "?level=ward", county, Map.of(), 200, options.seconds()));
            String etag = stack.get(feed, county).headers().firstValue("ETag").orElseThrow();
            phases.add(measure(
                    "304 on If-None-Match", feed, county, Map.of("If-None-Match", etag), 304, options.seconds()));

            System.out.printf(
                    "%n%s, %,d data points of the county core set (%d years, six partnerships, districts and wards),"
                            + " feed of %s, %d clients, %d s per phase:%n%n",
                    LocalDate.now(UK), points, YEARS, quarter.pathId(), options.clients(), options.seconds());
            System.out.println("| request | answers | errors | rows | bytes | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Phase p : phases) {
                System.out.printf(
                        "| %s | %,d | %d | %,d | %,d | %.1f | %.1f | %.1f |%n",
                        p.name(), p.requests(), p.errors(), p.rows(), p.bytes(), p.p50(), p.p99(), p.max());
            }
        } finally {
            stack.close();
        }
    }

    /**
     * The partnership's views as a Stroud viewer reads them, on the same figures: the quarter's whole view, a
     * priority's page, a 304 on the whole view's tag, an indicator's series, the year and the public figures.
     */
    private void views(FinancialQuarter quarter, int points) throws Exception {
        BenchStack.Token viewer = stack.user("viewer");
        String views = stack.gateway + "/api/views/";
        String whole = views + "quarterly/" + quarter.pathId();
        measure("warm-up (not measured)", whole, viewer, Map.of(), 200, Math.min(10, options.seconds()));
        List<Phase> phases = new ArrayList<>();
        phases.add(measure("quarterly view, whole partnership", whole, viewer, Map.of(), 200, options.seconds()));
        phases.add(measure(
                "quarterly view, priority 1", whole + "/priorities/1", viewer, Map.of(), 200, options.seconds()));
        String etag = stack.get(whole, viewer).headers().firstValue("ETag").orElseThrow();
        phases.add(measure(
                "304 on If-None-Match (whole view)",
                whole,
                viewer,
                Map.of("If-None-Match", etag),
                304,
                options.seconds()));
        phases.add(measure(
                "series of RECORDED-CRIME (12 quarters)",
                views + "indicators/RECORDED-CRIME/series?to=" + quarter.pathId(),
                viewer,
                Map.of(),
                200,
                options.seconds()));
        phases.add(measure(
                "the year " + quarter.financialYear(),
                views + "annual/" + quarter.pathId().substring(0, 7),
                viewer,
                Map.of(),
                200,
                options.seconds()));
        phases.add(measure(
                "public figures (no login)",
                stack.gateway + "/api/public/" + quarter.pathId(),
                viewer,
                Map.of(),
                200,
                options.seconds()));
        System.out.printf(
                "%n%s, %,d data points of the county core set (%d years, six partnerships, districts and wards),"
                        + " Stroud's views of %s, %d clients, %d s per phase:%n%n",
                LocalDate.now(UK), points, YEARS, quarter.pathId(), options.clients(), options.seconds());
        System.out.println("| request | answers | errors | bytes | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Phase p : phases) {
            System.out.printf(
                    "| %s | %,d | %d | %,d | %.1f | %.1f | %.1f |%n",
                    p.name(), p.requests(), p.errors(), p.bytes(), p.p50(), p.p99(), p.max());
        }
    }

    /**
     * Posts, as the police, every month of the last four years (every quarter for a quarterly indicator) of each core
     * indicator for each district and, for an indicator reported by ward, each ward: county-wide batches of 500.
     */
    private int load(BenchStack.Token police, YearMonth last) throws IOException, InterruptedException {
        GeographyFile geography = GeographyFile.read(BenchStack.JSON, GeographyFile.RESOURCE);
        JsonNode core = SeedFiles.read(BenchStack.JSON, CORE, JsonNode.class);
        List<String> rows = new ArrayList<>();
        YearMonth first = last.minusYears(YEARS).plusMonths(1);
        for (JsonNode indicator : core.path("indicators")) {
            boolean byWard = indicator.path("geographyLevel").asText().equals("ward");
            boolean quarterly = indicator.path("frequency").asText().equals("quarterly");
            List<String> periods = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                FinancialQuarter q = FinancialQuarter.of(m);
                if (!quarterly) {
                    periods.add(m.toString());
                } else if (m.equals(YearMonth.from(q.lastDay()))) {
                    periods.add(q.label());
                }
            }
            for (GeographyFile.District district : geography.districts()) {
                List<String> places = new ArrayList<>();
                places.add(district.code());
                if (byWard) {
                    district.wards().forEach(w -> places.add(w.code()));
                }
                for (String place : places) {
                    for (String period : periods) {
                        rows.add("{\"indicator\":\"%s\",\"period\":\"%s\",\"geography\":\"%s\",\"value\":%d}"
                                .formatted(
                                        indicator.path("code").asText(),
                                        period,
                                        place,
                                        Math.floorMod((place + period).hashCode(), 40)));
                    }
                }
            }
        }
        System.out.printf("Posting %,d data points in batches of %d …%n", rows.size(), BATCH);
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            String body = "[" + String.join(",", rows.subList(from, Math.min(rows.size(), from + BATCH))) + "]";
            HttpResponse<String> answer = stack.http.send(
                    HttpRequest.newBuilder(URI.create(stack.gateway + "/api/data-points/batch"))
                            .timeout(BenchStack.REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + police.get())
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "The batch from row " + from + " was refused (" + answer.statusCode() + "): " + answer.body());
            }
        }
        System.out.printf("Posted in %.1f s%n", BenchStack.seconds(started));
        return rows.size();
    }

    private void awaitApplied(BenchStack.Token administrator) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            BenchStack.Lag lag = stack.projectionLag(administrator, "quarterly");
            if (lag.records() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The gateway's projection did not catch up in 5 minutes: "
                        + (lag.problem() != null ? lag.problem() : lag.records() + " records behind"));
            }
            Thread.sleep(250);
        }
    }

    /** Each client on its own connection, back to back for {@code seconds}; an answer of another status is an error. */
    private Phase measure(
            String name, String url, BenchStack.Token token, Map<String, String> headers, int status, int seconds)
            throws Exception {
        Load.Result result =
                Load.run(name, url, token, headers, status, seconds, options.clients(), FeedBenchmark::rows);
        return new Phase(
                name,
                result.requests(),
                result.errors(),
                result.rows(),
                result.bytes(),
                result.p50(),
                result.p99(),
                result.max());
    }

    /** The rows of an answer: the JSON's {@code rows}, the CSV's lines after its header, none for a 304. */
    private static int rows(HttpResponse<String> answer) {
        if (answer.statusCode() == 304) {
            return 0;
        }
        if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")) {
            return (int) answer.body().lines().count() - 1;
        }
        try {
            return BenchStack.JSON.readTree(answer.body()).path("rows").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
