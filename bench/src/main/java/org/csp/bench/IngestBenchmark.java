package org.csp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.partnership.PartnershipRegistry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Data points through the platform's front door: several clients post batches of monthly police figures for Stroud
 * to the gateway's {@code POST /api/data-points/batch} on the local stack (reused when it runs, else started with
 * {@code deploy/run} and stopped at the end), first as fast as they can, then paced at a fixed rate; after each
 * phase, how long the relay and the gateway's quarterly view take to show every point; beside it, a raw
 * {@code COPY} of as many rows into a plain table of the same PostgreSQL. Prints a table; nothing is timed in a test.
 */
public final class IngestBenchmark {

    private static final String PARTNERSHIP = "stroud";
    private static final String POLICE_CLIENT = "police-gloucestershire";
    private static final String POLICE_ORGANISATION = "gloucestershire-constabulary";
    /** Reads the projections' status, a global endpoint. */
    private static final String ADMINISTRATOR = "admin";
    /** measures-service's {@code csp.relay.topic}: the relay's row in {@code relay_checkpoint}. */
    private static final String RELAY = MeasuresEventTypes.TOPIC;

    private static final String PROJECTION = "quarterly";
    private static final YearMonth FIRST_PERIOD = YearMonth.of(2019, 4);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int COPY_CHUNK = 500;
    private static final int ERRORS_SHOWN = 5;
    /** Keys kept for the commit-to-view probe. */
    private static final int PROBED = 16;

    private static final String PAYLOAD = """
            {"indicatorCode":"%s","period":"%s","geography":"%s","value":%d,"status":"provisional",\
            "source":"gloucestershire-constabulary","submittedBy":"police-gloucestershire","revision":%d}""";

    /**
     * The command line: seconds per phase, concurrent clients, the paced phase's points/s (0: none), rows per request,
     * seconds of unmeasured load first (0: none), so that the services' JIT has compiled the ingest path, and whether
     * to run, after the unpaced phase over disjoint keys, one where every client posts over the same keys.
     */
    record Options(int seconds, int clients, int rate, int batch, int warmup, boolean overlap, boolean county) {

        static final String USAGE = "bench/ingest [--seconds N] [--clients N] [--rate N] [--batch N] [--warmup N]"
                + " [--overlap 0|1] [--county 0|1]";

        static Options parse(String[] args) {
            int seconds = 60, clients = 4, rate = 5000, batch = 500, warmup = 30, overlap = 0, county = 0;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int value = Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
                switch (args[i]) {
                    case "--seconds" -> seconds = value;
                    case "--clients" -> clients = value;
                    case "--rate" -> rate = value;
                    case "--batch" -> batch = value;
                    case "--warmup" -> warmup = value;
                    case "--overlap" -> overlap = value;
                    case "--county" -> county = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; " + USAGE);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("No value after " + args[args.length - 1] + "; " + USAGE);
            }
            if (seconds < 1
                    || clients < 1
                    || rate < 0
                    || batch < 1
                    || warmup < 0
                    || overlap < 0
                    || overlap > 1
                    || county < 0
                    || county > 1) {
                throw new IllegalArgumentException(
                        "--seconds, --clients and --batch must be at least 1, --rate and --warmup at least 0, "
                                + "--overlap and --county 0 or 1");
            }
            return new Options(seconds, clients, rate, batch, warmup, overlap == 1, county == 1);
        }
    }

    /** One data point: what a row of a batch names. */
    record Key(String indicator, String geography, String period) {}

    /**
     * What a phase did: its length, requests, points accepted (rows of 2xx answers), how many of them were new data
     * points (the rest revised one or were identical to it), and the 2xx latencies, sorted.
     */
    record Phase(
            String name, double seconds, long requests, long errors, long points, long newPoints, long[] latencies) {

        double rate() {
            return points / seconds;
        }

        /** Milliseconds under which the fraction {@code p} of the accepted requests was answered. */
        double millis(double p) {
            return percentile(latencies, p);
        }
    }

    /** A client's counts in one phase; only its own thread writes them. */
    private static final class Recorder {
        long requests;
        long errors;
        long points;
        long[] latencies = new long[1024];
        int accepted;

        void ok(int rows, long nanos) {
            requests++;
            points += rows;
            if (accepted == latencies.length) {
                latencies = Arrays.copyOf(latencies, accepted * 2);
            }
            latencies[accepted++] = nanos;
        }

        void error() {
            requests++;
            errors++;
        }
    }

    private final Options options;
    private BenchStack stack;
    private String gateway;
    private String measuresDatabase;
    private final AtomicInteger errorsShown = new AtomicInteger();
    private final long valueSeed = ThreadLocalRandom.current().nextLong(1_000_000);
    private BenchStack.Token police;
    private BenchStack.Token administrator;

    private IngestBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new IngestBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        stack = BenchStack.startOrReuse("ingest-stack.log");
        gateway = stack.gateway;
        measuresDatabase = stack.database("measures");
        try {
            String settings = settings();
            System.out.printf("PostgreSQL %s; gateway %s%n", settings, gateway);
            police = stack.client(POLICE_CLIENT);
            administrator = stack.user(ADMINISTRATOR);

            List<Key> keys = new ArrayList<>(discover());
            // a few keys no client posts: the probe's, which measures commit to view in the paced phase
            List<Key> probed = options.rate() > 0 && !options.county()
                    ? new ArrayList<>(keys.subList(keys.size() - PROBED, keys.size()))
                    : List.of();
            keys.removeAll(probed);
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                clients.add(new Client(every(keys, c, options.clients())));
            }
            int smallest = clients.stream().mapToInt(c -> c.slice.size()).min().orElse(0);
            if (smallest == 0) {
                throw new IllegalStateException(
                        keys.size() + " data points are too few for " + options.clients() + " clients");
            }
            // A batch never names a point twice: at most one row per key of the client's slice.
            int batch = Math.min(options.batch(), smallest);
            if (batch < options.batch()) {
                System.out.printf(
                        "Batches of %d rows, not %d: a client's slice has only %d data points%n",
                        batch, options.batch(), smallest);
            }
            clients.forEach(c -> c.batch = batch);

            if (options.warmup() > 0) {
                // Half of each slice, so that on an empty database the measured phase still creates the other half.
                List<Client> warmup = new ArrayList<>();
                for (Client client : clients) {
                    Client warming = new Client(every(client.slice, 0, 2));
                    warming.batch = Math.min(batch, warming.slice.size());
                    warmup.add(warming);
                }
                load("warm-up (not measured)", warmup, 0, options.warmup());
                catchUp();
            }
            Phase unpaced = load("unpaced", clients, 0, options.seconds());
            Double unpacedCatchUp = catchUp();
            Phase overlapping = null;
            Double overlappingCatchUp = null;
            if (options.overlap()) {
                // every client over the first client's slice, as retries and parallel uploads of one partner do
                List<Client> shared = new ArrayList<>();
                for (int c = 0; c < clients.size(); c++) {
                    Client client = new Client(clients.getFirst().slice, c + 1);
                    client.batch = batch;
                    client.posted = clients.getFirst().posted;
                    shared.add(client);
                }
                overlapping = load("unpaced, every client over the same keys", shared, 0, options.seconds());
                overlappingCatchUp = catchUp();
            }
            Phase paced = null;
            Double pacedCatchUp = null;
            long[] commitToView = null;
            int lost = 0;
            if (options.rate() > 0) {
                ViewProbe probe = probed.isEmpty()
                        ? null
                        : ViewProbe.start(gateway, PARTNERSHIP, police, stack.database("gateway"), probed);
                try {
                    paced = load("paced", clients, options.rate(), options.seconds());
                } finally {
                    if (probe != null) {
                        commitToView = probe.stop();
                        lost = probe.lost();
                    }
                }
                pacedCatchUp = catchUp();
            }
            Double copy = unpaced.points() > 0 ? copyBaseline(unpaced.points(), keys) : null;
            if (commitToView != null) {
                System.out.printf(
                        "%nCommit to view while %,d points/s arrive: %d probes, p50 %s ms, p99 %s ms, max %s ms;"
                                + " %d not shown within 30 s%n",
                        options.rate(),
                        commitToView.length,
                        millis(percentile(commitToView, 0.50)),
                        millis(percentile(commitToView, 0.99)),
                        millis(percentile(commitToView, 1.0)),
                        lost);
            }
            summary(
                    settings,
                    keys.size(),
                    batch,
                    unpaced,
                    unpacedCatchUp,
                    overlapping,
                    overlappingCatchUp,
                    paced,
                    pacedCatchUp,
                    copy);
        } finally {
            stack.close();
        }
    }

    // --- what to post ------------------------------------------------------------------------------------------------

    /**
     * Every (indicator, geography, month) the police client may report: monthly indicators the constabulary is a
     * source of and that are not derived, each geography of the partnership at a level the indicator allows, and
     * every month from 2019-04 to last month. Stroud's, or with {@code --county} every partnership's, interleaved so
     * that each client's batch has rows of all six districts in turn (a county-wide police file).
     */
    private List<Key> discover() throws IOException, InterruptedException {
        YearMonth last = YearMonth.from(LocalDate.now(UK)).minusMonths(1);
        List<String> periods = new ArrayList<>();
        for (YearMonth month = FIRST_PERIOD; !month.isAfter(last); month = month.plusMonths(1)) {
            periods.add(month.toString());
        }
        List<String> partnerships = options.county()
                ? PartnershipRegistry.load().partnerships().stream()
                        .map(PartnershipRegistry.Partnership::id)
                        .toList()
                : List.of(PARTNERSHIP);
        List<String> used = new ArrayList<>();
        List<List<Key>> each = new ArrayList<>();
        for (String partnership : partnerships) {
            each.add(discover(partnership, periods, used));
        }
        List<Key> keys = interleave(each, options.clients());
        System.out.printf(
                "%,d data points: %s × %d months (%s to %s)%n",
                keys.size(), String.join(", ", used), periods.size(), periods.getFirst(), periods.getLast());
        return keys;
    }

    private List<Key> discover(String partnership, List<String> periods, List<String> used)
            throws IOException, InterruptedException {
        JsonNode indicators = getJson(gateway + "/api/indicators?partnership=" + partnership, police);
        JsonNode geographies = getJson(gateway + "/api/geographies?partnership=" + partnership, police);
        List<Key> keys = new ArrayList<>();
        for (JsonNode indicator : indicators) {
            if (!indicator.path("frequency").asText().equals("monthly")
                    || !contains(indicator.path("sources"), POLICE_ORGANISATION)
                    || isDerived(indicator.get("derivedFrom"))) {
                continue;
            }
            Set<String> levels = levelsFor(
                    indicator.hasNonNull("geographyLevel")
                            ? indicator.get("geographyLevel").asText()
                            : "district");
            List<String> places = new ArrayList<>();
            for (JsonNode geography : geographies) {
                if (geography.path("partnership").asText(partnership).equals(partnership)
                        && levels.contains(geography.path("level").asText())) {
                    places.add(geography.path("code").asText());
                }
            }
            for (String place : places) {
                for (String period : periods) {
                    keys.add(new Key(indicator.path("code").asText(), place, period));
                }
            }
            used.add(partnership + " " + indicator.path("code").asText() + " (" + places.size() + " geographies)");
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("Nothing to post: no monthly, non-derived indicator of "
                    + POLICE_ORGANISATION + " with a geography of " + partnership + ". Indicators: " + indicators
                    + "\nGeographies: " + geographies);
        }
        return keys;
    }

    /**
     * The lists' keys, {@code chunk} from each in turn until all are used: with {@code chunk} clients taking every
     * {@code chunk}-th key, each client's consecutive keys come from each list in turn.
     */
    private static List<Key> interleave(List<List<Key>> lists, int chunk) {
        List<Key> keys = new ArrayList<>();
        int[] next = new int[lists.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int l = 0; l < lists.size(); l++) {
                List<Key> list = lists.get(l);
                int end = Math.min(list.size(), next[l] + chunk);
                keys.addAll(list.subList(next[l], end));
                next[l] = end;
                more |= end < list.size();
            }
        }
        return keys;
    }

    /** Every {@code step}-th key from {@code first} on. */
    private static List<Key> every(List<Key> keys, int first, int step) {
        List<Key> picked = new ArrayList<>();
        for (int i = first; i < keys.size(); i += step) {
            picked.add(keys.get(i));
        }
        return picked;
    }

    /** A ward indicator takes ward and district rows, a district indicator district rows only. */
    private static Set<String> levelsFor(String indicatorLevel) {
        return switch (indicatorLevel) {
            case "ward" -> Set.of("ward", "district");
            case "district" -> Set.of("district");
            default -> Set.of(indicatorLevel);
        };
    }

    private static boolean isDerived(JsonNode derivedFrom) {
        return derivedFrom != null
                && !derivedFrom.isNull()
                && !(derivedFrom.isContainerNode() && derivedFrom.isEmpty());
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    // --- the load ----------------------------------------------------------------------------------------------------

    /**
     * One client: its own HTTP connection and its own slice of the data points, posted in order, pass after pass.
     * The first pass creates the points, every later one revises them with other values.
     */
    private final class Client {
        final List<Key> slice;
        final HttpClient connection = BenchStack.newHttpClient();
        /** Sets this client's values apart from the others', so that clients posting over the same keys revise them. */
        final int salt;

        int batch;
        /** Rows posted so far: {@code posted % slice.size()} is where the next batch starts, {@code posted / slice.size()} its pass. */
        long posted;

        Client(List<Key> slice) {
            this(slice, 0);
        }

        Client(List<Key> slice, int salt) {
            this.slice = slice;
            this.salt = salt;
        }

        /** Posts the next batch; latency from {@code scheduled} (the paced phase's planned send time) to the answer. */
        void post(long scheduled, Recorder recorder) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/data-points/batch"
                            // a county-wide file names no partnership: each row lands in its geography's
                            + (options.county() ? "" : "?partnership=" + PARTNERSHIP)))
                    .timeout(BenchStack.REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + police.get())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(nextBatch()))
                    .build();
            try {
                HttpResponse<String> response = connection.send(request, HttpResponse.BodyHandlers.ofString());
                long latency = System.nanoTime() - scheduled;
                if (response.statusCode() / 100 == 2) {
                    recorder.ok(batch, latency);
                } else {
                    recorder.error();
                    showError("HTTP " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                recorder.error();
                showError(e.toString());
            }
        }

        private String nextBatch() {
            StringBuilder body = new StringBuilder(batch * 130).append('[');
            for (int i = 0; i < batch; i++, posted++) {
                int position = (int) (posted % slice.size());
                long pass = posted / slice.size();
                Key key = slice.get(position);
                // Consecutive passes differ by one, so every revision changes the value.
                long value = Math.floorMod(valueSeed + 31L * position + pass + 7919L * salt, 1_000_000L);
                body.append(i == 0 ? "" : ",")
                        .append("{\"indicator\":\"")
                        .append(key.indicator())
                        .append("\",\"period\":\"")
                        .append(key.period())
                        .append("\",\"geography\":\"")
                        .append(key.geography())
                        .append("\",\"value\":")
                        .append(value)
                        .append(",\"status\":\"provisional\"")
                        .append(pass > 0 ? ",\"reason\":\"benchmark revision\"}" : "}");
            }
            return body.append(']').toString();
        }
    }

    /**
     * Every client posts for {@code --seconds}: back to back when {@code rate} is 0; else on an open-loop schedule of
     * one request every {@code batch / rate} seconds, taken by the clients in turn, each request's latency counted
     * from its planned send time so that a slow answer delays, and is charged for, the requests behind it.
     */
    private Phase load(String name, List<Client> clients, int rate, int length)
            throws InterruptedException, ExecutionException, SQLException {
        int batch = clients.getFirst().batch;
        System.out.printf(
                "%n%s: %d clients, batches of %d, %s, %d s …%n",
                name,
                clients.size(),
                batch,
                rate == 0 ? "as fast as they can" : "%,d points/s in all".formatted(rate),
                length);
        long pointsBefore = dataPoints();
        long interval = rate == 0 ? 0 : Math.round(batch * 1e9 / rate);
        errorsShown.set(0); // the first few error bodies of each phase
        List<Recorder> recorders = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(length).toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients.size(); c++) {
                Client client = clients.get(c);
                Recorder recorder = new Recorder();
                recorders.add(recorder);
                int turn = c;
                running.add(threads.submit(() -> {
                    if (rate == 0) {
                        while (System.nanoTime() < end) {
                            client.post(System.nanoTime(), recorder);
                        }
                    } else {
                        for (long k = 0; ; k++) {
                            long scheduled = start + (k * clients.size() + turn) * interval;
                            if (scheduled >= end || System.nanoTime() >= end) {
                                break;
                            }
                            for (long wait = scheduled - System.nanoTime();
                                    wait > 0;
                                    wait = scheduled - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            client.post(scheduled, recorder);
                        }
                    }
                    return null;
                }));
            }
        }
        double seconds = BenchStack.seconds(start);
        for (Future<?> client : running) {
            client.get(); // a client's failure (not an HTTP error: those are counted) ends the run
        }
        long[] latencies = recorders.stream()
                .flatMapToLong(r -> Arrays.stream(r.latencies, 0, r.accepted))
                .sorted()
                .toArray();
        Phase phase = new Phase(
                name,
                seconds,
                recorders.stream().mapToLong(r -> r.requests).sum(),
                recorders.stream().mapToLong(r -> r.errors).sum(),
                recorders.stream().mapToLong(r -> r.points).sum(),
                dataPoints() - pointsBefore,
                latencies);
        System.out.printf(
                "  %,d points accepted in %.1f s = %,.0f points/s (%,d new, %,d revisions or unchanged); %,d requests, %,d errors; "
                        + "latency p50 %s, p99 %s, max %s ms%n",
                phase.points(),
                phase.seconds(),
                phase.rate(),
                phase.newPoints(),
                phase.points() - phase.newPoints(),
                phase.requests(),
                phase.errors(),
                millis(phase.millis(0.50)),
                millis(phase.millis(0.99)),
                millis(phase.millis(1.0)));
        return phase;
    }

    private void showError(String what) {
        if (errorsShown.getAndIncrement() < ERRORS_SHOWN) {
            System.out.println("  error: " + (what.length() > 500 ? what.substring(0, 500) + " …" : what));
        }
    }

    // --- the backlog -------------------------------------------------------------------------------------------------

    /**
     * Right after a phase: the events the relay has not published yet (by position) and the records the gateway's
     * quarterly projection has not applied yet; then seconds until both are 0, or null after two minutes.
     */
    private Double catchUp() throws SQLException, IOException, InterruptedException {
        long stopped = System.nanoTime();
        try (Connection db = DriverManager.getConnection(measuresDatabase)) {
            long relay = relayBacklog(db);
            long projection = projectionLag();
            System.out.printf(
                    "  backlog when the load stopped: relay %,d events, %s projection %s%n",
                    relay, PROJECTION, records(projection));
            while (relay > 0 || projection > 0) {
                if (System.nanoTime() - stopped > CATCH_UP.toNanos()) {
                    System.out.printf(
                            "  not caught up within %d s: still relay %,d events, %s projection %s%n",
                            CATCH_UP.toSeconds(), relay, PROJECTION, records(projection));
                    return null;
                }
                Thread.sleep(250);
                relay = relayBacklog(
                        db); // first the relay, then the view: what the relay had published is then applied
                projection = projectionLag();
            }
            double seconds = BenchStack.seconds(stopped);
            System.out.printf("  the view shows every point %.1f s after the load stopped%n", seconds);
            return seconds;
        }
    }

    /** The data points the measures service holds, for every partnership and source. */
    private long dataPoints() throws SQLException {
        try (Connection db = DriverManager.getConnection(measuresDatabase);
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM data_point_state")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String records(long lag) {
        return lag < 0 ? "unknown (see the error above)" : "%,d records".formatted(lag);
    }

    private static long relayBacklog(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT coalesce((SELECT max(position) FROM events), 0)
                     - coalesce((SELECT position FROM relay_checkpoint WHERE relay = ?), 0)""")) {
            query.setString(1, RELAY);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Math.max(0, row.getLong(1));
            }
        }
    }

    /** The live generation's lag summed over its topics and partitions; -1 when the status does not say. */
    private long projectionLag() throws IOException, InterruptedException {
        BenchStack.Lag lag = stack.projectionLag(administrator, PROJECTION);
        if (lag.problem() != null) {
            showError(lag.problem());
        }
        return lag.records();
    }

    // --- the COPY baseline -------------------------------------------------------------------------------------------

    /**
     * Rows/s of {@code COPY … FROM STDIN} of {@code rows} data-point rows, with a payload like a recorded event's,
     * into a fresh plain (logged, unindexed) table of the measures database, 500 rows a transaction; the table is
     * dropped afterwards. Only the COPY calls are timed, not making up their text.
     */
    private double copyBaseline(long rows, List<Key> keys) throws SQLException, IOException {
        System.out.printf("%nCOPY of %,d rows into bench_copy, %d rows a transaction …%n", rows, COPY_CHUNK);
        try (Connection db = DriverManager.getConnection(measuresDatabase);
                Statement statement = db.createStatement()) {
            db.setAutoCommit(true);
            statement.execute("DROP TABLE IF EXISTS bench_copy");
            statement.execute("""
                    CREATE TABLE bench_copy (indicator text NOT NULL, period text NOT NULL, geography text NOT NULL,
                        value bigint NOT NULL, status text NOT NULL, source text NOT NULL, payload jsonb NOT NULL)""");
            try {
                CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
                long copying = 0;
                for (long first = 0; first < rows; first += COPY_CHUNK) {
                    StringBuilder chunk = new StringBuilder(COPY_CHUNK * 330);
                    for (long i = first; i < Math.min(rows, first + COPY_CHUNK); i++) {
                        Key key = keys.get((int) (i % keys.size()));
                        long value = Math.floorMod(valueSeed + i, 1_000_000L);
                        chunk.append(key.indicator())
                                .append('\t')
                                .append(key.period())
                                .append('\t')
                                .append(key.geography())
                                .append('\t')
                                .append(value)
                                .append("\tprovisional\t")
                                .append(POLICE_ORGANISATION)
                                .append('\t')
                                .append(PAYLOAD.formatted(
                                        key.indicator(), key.period(), key.geography(), value, 1 + i / keys.size()))
                                .append('\n');
                    }
                    long start = System.nanoTime();
                    copy.copyIn(
                            "COPY bench_copy (indicator, period, geography, value, status, source, payload) FROM STDIN",
                            new StringReader(chunk.toString()));
                    copying += System.nanoTime() - start;
                }
                double rate = rows / (copying / 1e9);
                System.out.printf("  %,.0f rows/s%n", rate);
                return rate;
            } finally {
                statement.execute("DROP TABLE IF EXISTS bench_copy");
            }
        }
    }

    // --- output ------------------------------------------------------------------------------------------------------

    private String settings() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(measuresDatabase);
                Statement statement = db.createStatement()) {
            for (String name :
                    List.of("fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size")) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    values.add(name + "=" + row.getString(1));
                }
            }
        }
        String joined = String.join(", ", values);
        return joined + (joined.contains("=off") ? " (NOT durable)" : " (durable)");
    }

    /** The table in the shape docs/performance.md uses, to paste there. */
    private void summary(
            String settings,
            int points,
            int batch,
            Phase unpaced,
            Double unpacedCatchUp,
            Phase overlapping,
            Double overlappingCatchUp,
            Phase paced,
            Double pacedCatchUp,
            Double copy) {
        System.out.printf(
                "%n%s, %s, %d s per phase after %d s of warm-up, %d clients, batches of %d, %,d data points; PostgreSQL %s:%n%n",
                LocalDate.now(UK),
                options.county() ? "county-wide batches (all six districts)" : "Stroud-only batches",
                options.seconds(),
                options.warmup(),
                options.clients(),
                batch,
                points,
                settings);
        System.out.println(
                "| stage | points/s | new points | ÷ COPY | requests | errors | p50 ms | p99 ms | max ms | view complete after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row("ingest, as fast as possible", unpaced, unpacedCatchUp, copy);
        if (overlapping != null) {
            row("ingest, as fast as possible, every client over the same keys", overlapping, overlappingCatchUp, copy);
        }
        if (paced != null) {
            row("ingest, paced at %,d points/s".formatted(options.rate()), paced, pacedCatchUp, copy);
        }
        System.out.printf(
                "| raw COPY into a plain table (chunks of %d, a commit each) | %s | – | – | – | – | – | – | – | – |%n",
                COPY_CHUNK, copy == null ? "–" : "%,.0f".formatted(copy));
        if (overlapping != null) {
            System.out.printf(
                    "%nSame keys ÷ disjoint keys: throughput %.2f, p99 %.2f%n",
                    overlapping.rate() / unpaced.rate(), overlapping.millis(0.99) / unpaced.millis(0.99));
        }
    }

    private static void row(String stage, Phase phase, Double catchUp, Double copy) {
        System.out.printf(
                "| %s | %,.0f | %,d | %s | %,d | %,d | %s | %s | %s | %s |%n",
                stage,
                phase.rate(),
                phase.newPoints(),
                copy == null ? "–" : "%.3f".formatted(phase.rate() / copy),
                phase.requests(),
                phase.errors(),
                millis(phase.millis(0.50)),
                millis(phase.millis(0.99)),
                millis(phase.millis(1.0)),
                catchUp == null ? "> %d s".formatted(CATCH_UP.toSeconds()) : "%.1f s".formatted(catchUp));
    }

    /** Milliseconds under which the fraction {@code p} of sorted nanosecond latencies lies. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.clamp((int) Math.ceil(p * sorted.length) - 1, 0, sorted.length - 1)] / 1e6;
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "–" : "%,.0f".formatted(millis);
    }

    // --- HTTP and tokens ---------------------------------------------------------------------------------------------

    private JsonNode getJson(String url, BenchStack.Token token) throws IOException, InterruptedException {
        return stack.getJson(url, token);
    }
}
