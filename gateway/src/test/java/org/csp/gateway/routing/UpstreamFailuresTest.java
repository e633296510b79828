package org.csp.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A service that is slow, busy or gone is a problem within a bounded time, never a hang: here the gateway waits at
 * most one second for an answer and half a second for a connection, with one connection per service (on its one event
 * loop: the gateway keeps a pool per event loop).
 */
@QuarkusTest
@TestProfile(UpstreamFailuresTest.SlowServices.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class UpstreamFailuresTest {

    public static class SlowServices extends StubbedRoutes {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "csp.gateway.routes.timeout", "1s",
                    "csp.gateway.routes.connect-timeout", "500ms",
                    "csp.gateway.routes.pool-size", "1",
                    // one event loop, so one client and its one connection (each loop has its own)
                    "quarkus.vertx.event-loops-pool-size", "1");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Tokens.user("coordinator"))
                .build();
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String type) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals("urn:csp:problem:" + type, problem.get("type").asText(), response.body());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    @Test
    void aServiceSilentPastTheTimeoutIsA504AndOneWithNoFreeConnectionA503() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow =
                HTTP.sendAsync(get("/api/initiatives?reply-delay=5000"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(150); // the slow request holds plan-service's one connection
        HttpResponse<String> waiting = HTTP.send(get("/api/plans"), HttpResponse.BodyHandlers.ofString());
        JsonNode busy = problem(waiting, 503, "upstream-busy");
        assertEquals("1", waiting.headers().firstValue("Retry-After").orElse(null));
        assertTrue(busy.get("detail").asText().contains("nothing stored"), busy.toString());

        JsonNode timeout = problem(slow.get(), 504, "upstream-timeout");
        assertTrue(timeout.get("detail").asText().contains("Idempotency-Key"), timeout.toString());
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsed < 4_000, "answered after " + elapsed + " ms, not after the service's 5 s");

        HttpResponse<String> after = HTTP.send(get("/api/plans"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, after.statusCode(), "the connection is free again: " + after.body());
    }

    @Test
    void aServiceThatClosesTheConnectionWithoutAnAnswerIsA502() throws Exception {
        problem(
                HTTP.send(get("/api/engagements?reply-none=true"), HttpResponse.BodyHandlers.ofString()),
                502,
                "upstream-unavailable");
    }
}
