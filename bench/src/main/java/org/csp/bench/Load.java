package org.csp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/** N clients sending one GET back to back for a while, each on its own connection; what they measured. */
final class Load {

    /** Answers with the expected status, the others, one answer's rows and bytes, latencies in ms, answers a second. */
    record Result(
            int requests, int errors, int rows, int bytes, double p50, double p99, double max, double perSecond) {}

    private Load() {}

    static Result run(
            String name,
            String url,
            BenchStack.Token token,
            Map<String, String> headers,
            int status,
            int seconds,
            int clients,
            ToIntFunction<HttpResponse<String>> rows)
            throws Exception {
        System.out.printf("%s: %d clients for %d s …%n", name, clients, seconds);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        String bearer = token == null ? null : "Bearer " + token.get();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> sent = new ArrayList<>();
            int[] errors = new int[clients];
            int[] size = new int[2];
            for (int c = 0; c < clients; c++) {
                int client = c;
                sent.add(pool.submit(() -> {
                    HttpClient connection = BenchStack.newHttpClient();
                    long[] latencies = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest.Builder request =
                                HttpRequest.newBuilder(URI.create(url)).timeout(BenchStack.REQUEST_TIMEOUT);
                        if (bearer != null) {
                            request.header("Authorization", bearer);
                        }
                        headers.forEach(request::header);
                        long before = System.nanoTime();
                        HttpResponse<String> answer =
                                connection.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
                        long latency = System.nanoTime() - before;
                        if (answer.statusCode() != status) {
                            errors[client]++;
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = latency;
                        if (client == 0 && n == 1) {
                            size[0] = rows.applyAsInt(answer);
                            size[1] = answer.body().getBytes(StandardCharsets.UTF_8).length;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> client : sent) {
                long[] l = client.get();
                int before = all.length;
                all = Arrays.copyOf(all, before + l.length);
                System.arraycopy(l, 0, all, before, l.length);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new Result(
                    all.length,
                    Arrays.stream(errors).sum(),
                    size[0],
                    size[1],
                    percentile(all, 0.50),
                    percentile(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    all.length / elapsed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
