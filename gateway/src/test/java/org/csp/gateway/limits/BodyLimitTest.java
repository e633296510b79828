package org.csp.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.csp.gateway.routing.StubServices;
import org.csp.gateway.routing.StubbedRoutes;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A body over the gateway's limit (quarkus.http.limits.max-body-size, 10M) is a 413 problem on every route that
 * forwards one, also when it comes in chunks with no Content-Length, and no service gets it whole: a body for a service
 * streams to it until the limit, and the gateway then cuts the request off.
 */
@QuarkusTest
@TestProfile(StubbedRoutes.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class BodyLimitTest {

    private static final long LIMIT = 10L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A body of {@code size} bytes of JSON-ish text, streamed: the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(long size) {
        byte[] block = "[1,2,3,4,5,6,7,8]\n".repeat(1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            List<InputStream> parts = new java.util.ArrayList<>();
            for (long sent = 0; sent < size; sent += block.length) {
                parts.add(new ByteArrayInputStream(block, 0, (int) Math.min(block.length, size - sent)));
            }
            return new SequenceInputStream(java.util.Collections.enumeration(parts));
        });
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemOnEveryRouteAndReachesNoService() throws Exception {
        for (String[] route : new String[][] {
            {"POST", "/api/data-points/batch?partnership=stroud", Tokens.client("police-gloucestershire")},
            {"PUT", "/api/priority-leads/8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72", Tokens.user("coordinator")},
            {"PATCH", "/api/initiatives/P1-04", Tokens.user("coordinator")},
            {"POST", "/api/admin/relay/plan/refused/1/republish", Tokens.user("admin")},
            {"POST", "/api/admin/projections/derived/rebuild", Tokens.user("admin")},
            {"POST", "/api/admin/projections/quarterly/rebuild", Tokens.user("admin")}
        }) {
            long before = StubServices.received();
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + route[1]))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + route[2])
                            .header("Content-Type", "application/json")
                            .method(route[0], chunked(LIMIT + 1024 * 1024))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), route[1] + ": " + response.body());
            assertTrue(
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    route[1] + ": " + response.headers().map());
            JsonNode problem = new ObjectMapper().readTree(response.body());
            assertEquals(
                    "urn:csp:problem:payload-too-large", problem.get("type").asText(), response.body());
            assertEquals(413, problem.get("status").asInt());
            assertEquals(before, StubServices.received(), route[1] + ": no whole request reached a service");
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitStillReachesTheService() throws Exception {
        long before = StubServices.received();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + RestAssured.port + "/api/data-points/batch?reply-body=summary"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + Tokens.client("police-gloucestershire"))
                        .header("Content-Type", "application/json")
                        .POST(chunked(LIMIT - 1024))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                LIMIT - 1024,
                new ObjectMapper().readTree(response.body()).get("bodyLength").asLong());
        assertEquals(before + 1, StubServices.received());
    }
}
