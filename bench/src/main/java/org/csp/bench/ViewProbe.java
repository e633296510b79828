package org.csp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Commit to view, measured end to end while a load runs: a few times a second the probe posts one data point through
 * the gateway (a key no client of the load posts, a value never posted before), and from the moment its 2xx says the
 * point is stored it watches the gateway's quarterly projection (its live generation's {@code measure} table, which
 * the views read) until the value is there (looking every 5 ms). The time between is one probe's latency.
 */
final class ViewProbe implements AutoCloseable {

    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How often the projection is looked at: the figures' resolution, light beside the load (200 queries a second). */
    private static final long POLL_MILLIS = 5;

    private final String batches;
    private final BenchStack.Token token;
    private final String database;
    private final String partnership;
    private final List<IngestBenchmark.Key> keys;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread;
    private long[] latencies = new long[256];
    private int measured;
    private int lost;
    private Exception failure;

    private ViewProbe(
            String gateway,
            String partnership,
            BenchStack.Token token,
            String database,
            List<IngestBenchmark.Key> keys) {
        this.batches = gateway + "/api/data-points/batch?partnership=" + partnership;
        this.partnership = partnership;
        this.token = token;
        this.database = database;
        this.keys = List.copyOf(keys);
        this.thread = Thread.ofPlatform().name("view-probe").start(this::probe);
    }

    /** Starts probing at once; {@code database} is the gateway's (JDBC). */
    static ViewProbe start(
            String gateway,
            String partnership,
            BenchStack.Token token,
            String database,
            List<IngestBenchmark.Key> keys) {
        return new ViewProbe(gateway, partnership, token, database, keys);
    }

    /** Stops and gives the latencies in nanoseconds, sorted; a probe not seen within 30 s is counted as lost. */
    long[] stop() throws Exception {
        stopping.set(true);
        thread.join();
        if (failure != null) {
            throw failure;
        }
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Probes whose value the view had not shown after 30 s. */
    int lost() {
        return lost;
    }

    @Override
    public void close() {
        stopping.set(true);
    }

    private void probe() {
        HttpClient http = BenchStack.newHttpClient();
        try (Connection db = DriverManager.getConnection(database)) {
            PreparedStatement live = db.prepareStatement(
                    "SELECT generation FROM public.projection_generation WHERE projection = 'quarterly' AND state = 'live'");
            int generation;
            try (ResultSet rows = live.executeQuery()) {
                rows.next();
                generation = rows.getInt(1);
            }
            PreparedStatement shown = db.prepareStatement("SELECT 1 FROM quarterly_g" + generation
                    + ".measure WHERE partnership_id = ? AND indicator_code = ? AND geography = ? AND period = ?"
                    + " AND value = ?");
            long value = 7_000_000L + (System.currentTimeMillis() % 1_000_000L) * 100;
            for (int n = 0; !stopping.get(); n++) {
                long next = System.nanoTime() + EVERY_NANOS;
                IngestBenchmark.Key key = keys.get(n % keys.size());
                value++;
                String row =
                        "[{\"indicator\":\"%s\",\"period\":\"%s\",\"geography\":\"%s\",\"value\":%d,\"status\":\"provisional\"%s}]"
                                .formatted(
                                        key.indicator(),
                                        key.period(),
                                        key.geography(),
                                        value,
                                        n < keys.size() ? "" : ",\"reason\":\"benchmark probe\"");
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(batches))
                                .timeout(BenchStack.REQUEST_TIMEOUT)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token.get())
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(row))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long stored = System.nanoTime();
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException(
                            "The probe's point was refused: HTTP " + answer.statusCode() + " " + answer.body());
                }
                shown.setString(1, partnership);
                shown.setString(2, key.indicator());
                shown.setString(3, key.geography());
                shown.setString(4, key.period());
                shown.setLong(5, value);
                long latency = System.nanoTime() - stored;
                while (!seen(shown) && latency <= GIVE_UP_NANOS) {
                    Thread.sleep(POLL_MILLIS);
                    latency = System.nanoTime() - stored;
                }
                if (latency > GIVE_UP_NANOS) {
                    lost++;
                } else {
                    record(latency);
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private static boolean seen(PreparedStatement shown) throws SQLException {
        try (ResultSet rows = shown.executeQuery()) {
            return rows.next();
        }
    }

    private void record(long nanos) {
        if (measured == latencies.length) {
            latencies = Arrays.copyOf(latencies, measured * 2);
        }
        latencies[measured++] = nanos;
    }
}
