package org.csp.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Three stand-ins for plan-service, measures-service and engagement-service, each on a free loopback port, for
 * the proxy tests. They keep no state (the test and this resource may live in different class loaders): each
 * answers with what it received (service, method, raw path and query, headers, body as text, its length in bytes and
 * SHA-256), and the query of the request says how to answer: {@code reply-status=412}, {@code reply-type=problem} (an
 * {@code application/problem+json} body), {@code reply-location=absolute|path|other} (a Location on the service's
 * own origin, as Quarkus writes a relative one, path-only, or on another origin), {@code reply-replayed=true}
 * ({@code Idempotent-Replayed: true}, as measures-service marks a replayed answer), {@code reply-body=summary} (the
 * echo leaves the body text out: for bodies of several MB), {@code reply-delay=2000} (answer after so many
 * milliseconds), {@code reply-none=true} (close the connection without answering). The echo names the port the request came from ({@code clientPort}): one connection kept alive
 * serves requests from one port. Every answer carries {@code ETag: "7"}. Each counts the
 * whole requests it received (a body cut off on its way is none): {@link #received()} asks them all
 * ({@code GET /stub/received}, itself not counted), so that a test can show that a request the gateway refuses
 * reaches no service whole.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ETAG = "\"7\"";
    static final String REVIEW = "/api/reviews/2024-25-Q3";
    static final String ELSEWHERE = "https://elsewhere.example/api/reviews/2024-25-Q3";

    private static final String RECEIVED = "/stub/received";

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : List.of("plan", "measures", "engagement")) {
            config.put("csp.gateway.routes." + service, "http://127.0.0.1:" + serve(service));
        }
        config.put("csp.projection.enabled", "false"); // these tests are about the routes only
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private int serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicLong received = new AtomicLong();
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().equals(RECEIVED)) {
                    count(received.get(), exchange);
                } else {
                    answer(service, exchange, received);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool()); // a slow answer holds up no other
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests the three services have received in all, as the gateway's configuration names them. */
    public static long received() {
        Config config = ConfigProvider.getConfig();
        long total = 0;
        for (String service : List.of("plan", "measures", "engagement")) {
            String base = config.getValue("csp.gateway.routes." + service, String.class);
            try {
                HttpResponse<String> count = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + RECEIVED)).build(),
                        HttpResponse.BodyHandlers.ofString());
                total += Long.parseLong(count.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    private static void count(long received, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] reply = Long.toString(received).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange, AtomicLong received) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.incrementAndGet(); // a whole request: one cut off in its body is not one
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> asked = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        asked.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            ObjectNode echo = JSON.createObjectNode()
                    .put("service", service)
                    .put("method", exchange.getRequestMethod())
                    .put("path", exchange.getRequestURI().getRawPath())
                    .put("query", query)
                    .put("bodyLength", body.length)
                    .put("bodySha256", sha256(body))
                    .put("clientPort", exchange.getRemoteAddress().getPort());
            if (!"summary".equals(asked.get("reply-body"))) {
                echo.put("body", new String(body, StandardCharsets.UTF_8));
            }
            ObjectNode headers = echo.putObject("headers");
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            int status = Integer.parseInt(asked.getOrDefault("reply-status", "200"));
            if ("true".equals(asked.get("reply-none"))) {
                return; // no answer: the connection closes with the exchange
            }
            if (asked.containsKey("reply-delay")) {
                try {
                    Thread.sleep(Long.parseLong(asked.get("reply-delay")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if ("problem".equals(asked.get("reply-type"))) {
                echo.put("type", "urn:csp:problem:stub-" + status)
                        .put("title", "Stub problem")
                        .put("status", status);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.getResponseHeaders().set("ETag", ETAG);
            if ("true".equals(asked.get("reply-replayed"))) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            String location = asked.get("reply-location");
            if (location != null) {
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                switch (location) {
                                    case "absolute" ->
                                        "http://" + exchange.getRequestHeaders().getFirst("Host") + REVIEW;
                                    case "path" -> REVIEW;
                                    default -> ELSEWHERE;
                                });
            }
            byte[] reply = JSON.writeValueAsBytes(echo);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }
}
