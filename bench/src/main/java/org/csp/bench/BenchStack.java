package org.csp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.infrastructure.ChildProcess;
import org.csp.infrastructure.LocalPostgres;
import org.csp.infrastructure.RepoRoot;

/**
 * The local stack a benchmark runs against, as {@code deploy/run} starts it: reused when its gateway answers, else
 * started (and stopped by {@link #close}); its addresses (the ports deploy/run's LocalStack listens on, with the same
 * environment overrides), the demo realm's credentials, tokens and the gateway's projection status.
 */
final class BenchStack implements AutoCloseable {

    private static final Duration STACK_START = Duration.ofMinutes(5);
    /** How long deploy/run may take to load the demo data set once the services are up. */
    private static final Duration LOADED = Duration.ofMinutes(20);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    final String gateway = "http://127.0.0.1:" + env("CSP_GATEWAY_PORT", "8080");
    final String web = "http://127.0.0.1:" + env("CSP_WEB_PORT", "8084");
    final String tokenEndpoint =
            "http://127.0.0.1:" + env("CSP_KEYCLOAK_PORT", "8180") + "/realms/csp/protocol/openid-connect/token";
    final HttpClient http = newHttpClient();
    private final Path repo = RepoRoot.find();
    private final JsonNode realm;
    private ChildProcess started;

    private BenchStack() throws IOException {
        this.realm =
                JSON.readTree(repo.resolve("deploy/keycloak/csp-realm.json").toFile());
    }

    /**
     * The stack, once its gateway is ready; {@code log} names the file deploy/run's output goes to when started, with
     * {@code runOptions} ({@code --demo}: once the demo data set is loaded too).
     */
    static BenchStack startOrReuse(String log, String... runOptions) throws IOException, InterruptedException {
        BenchStack stack = new BenchStack();
        stack.start(stack.repo.resolve("bench/target").resolve(log), List.of(runOptions));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack")); // on Ctrl-C too
        return stack;
    }

    /** The JDBC address of a service's database on the stack's PostgreSQL, as its superuser. */
    String database(String name) {
        return "jdbc:postgresql://127.0.0.1:%s/%s?user=%s"
                .formatted(env("CSP_POSTGRES_PORT", "5432"), name, LocalPostgres.SUPERUSER);
    }

    private void start(Path log, List<String> runOptions) throws IOException, InterruptedException {
        String ready = gateway + "/q/health/ready";
        if (ChildProcess.httpStatus(ready) > 0) {
            System.out.println("Reusing the running stack (" + gateway + " answers)");
            awaitReady(ready, null);
            return;
        }
        Files.deleteIfExists(log);
        System.out.println("Starting the stack with deploy/run (log: " + repo.relativize(log) + ") …");
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("deploy/run").toString());
        command.addAll(runOptions);
        started = ChildProcess.start("deploy/run", command, Map.of(), log);
        long begun = System.nanoTime();
        awaitReady(ready, log);
        if (!runOptions.isEmpty()) { // the demo data set is loaded after the services are up: deploy/run then says so
            long deadline = System.nanoTime() + LOADED.toNanos();
            while (!Files.readString(log).contains("[csp] Ready in")) {
                if (!started.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "deploy/run " + String.join(" ", runOptions) + " did not say it was ready:\n" + tail(log));
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("Stack ready in %.0f s%n", seconds(begun));
    }

    /**
     * Waits until the gateway's readiness answers 200: five minutes, counted from the end of the build when
     * {@code deploy/run} builds first (its last {@code [csp]} line says so while Maven runs).
     */
    private void awaitReady(String url, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STACK_START.toNanos();
        while (ChildProcess.httpStatus(url) != 200) {
            if (started != null && !started.alive()) {
                throw new IllegalStateException("deploy/run stopped before the gateway was ready:\n" + tail(log));
            }
            if (log != null && lastStackLine(log).startsWith("[csp] building")) {
                deadline = System.nanoTime() + STACK_START.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not answer 200 within " + STACK_START.toMinutes()
                        + " minutes" + (log == null ? "" : ":\n" + tail(log)));
            }
            Thread.sleep(1000);
        }
    }

    /** Stops the stack if this run started it. */
    @Override
    public synchronized void close() {
        if (started != null && started.alive()) {
            System.out.println("Stopping the stack started for the run …");
            started.stop();
        }
    }

    private static String lastStackLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines =
                Files.readString(log).lines().filter(l -> l.startsWith("[csp]")).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readString(log).lines().toList() : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    // --- tokens and requests -----------------------------------------------------------------------------------------

    /** A machine client's token (client credentials), its secret from the realm file. */
    Token client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId) && client.hasNonNull("secret")) {
                return new Token(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        client.get("secret").asText()));
            }
        }
        throw new IllegalStateException("No confidential client " + clientId + " in the realm file");
    }

    /** A demo user's token (password grant through csp-cli), the password from the realm file. */
    Token user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                for (JsonNode credential : user.path("credentials")) {
                    if (credential.path("type").asText().equals("password")) {
                        return new Token(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "csp-cli",
                                "username",
                                username,
                                "password",
                                credential.path("value").asText()));
                    }
                }
            }
        }
        throw new IllegalStateException("No password for " + username + " in the realm file");
    }

    /** An access token, fetched again once two thirds of its lifetime have passed. */
    final class Token {
        private final Map<String, String> form;
        private String value;
        private long renewAt;

        private Token(Map<String, String> form) {
            this.form = form;
        }

        synchronized String get() throws IOException, InterruptedException {
            if (value == null || System.nanoTime() >= renewAt) {
                String body = form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                long asked = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(tokenEndpoint))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Keycloak refused a token for " + form.get("client_id") + " ("
                            + response.statusCode() + "): " + response.body());
                }
                JsonNode answer = JSON.readTree(response.body());
                value = answer.path("access_token").asText();
                renewAt = asked
                        + Duration.ofSeconds(answer.path("expires_in").asLong(60))
                                        .toNanos()
                                * 2
                                / 3;
            }
            return value;
        }
    }

    JsonNode getJson(String url, Token token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String url, Token token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token.get())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The live generation's lag of the gateway's projection {@code projection}, summed over its topics and partitions,
     * as the administrator reads its status; empty with the reason when the status does not say.
     */
    Lag projectionLag(Token administrator, String projection) throws IOException, InterruptedException {
        HttpResponse<String> response = get(gateway + "/api/admin/projections/status", administrator);
        if (response.statusCode() != 200) {
            return new Lag(-1, "projection status: HTTP " + response.statusCode() + ": " + response.body());
        }
        for (JsonNode status : JSON.readTree(response.body())) {
            if (status.path("projection").asText().equals(projection)) {
                long lag = 0;
                for (JsonNode partition : status.path("live").path("partitions")) {
                    lag += partition.path("lag").asLong();
                }
                return new Lag(lag, null);
            }
        }
        return new Lag(-1, "projection status names no '" + projection + "' projection: " + response.body());
    }

    /** Records not yet applied ({@code -1}: unknown, {@code problem} says why). */
    record Lag(long records, String problem) {}

    /** HTTP/1.1: one connection per client, requests one after another on it. */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
