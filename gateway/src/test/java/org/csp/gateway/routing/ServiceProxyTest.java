package org.csp.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The routes against stand-in services ({@link StubServices}): each path reaches the service that owns it, and what
 * the plan's endpoints rely on crosses the gateway unchanged both ways: a JSON merge patch's bytes and content
 * type, {@code If-Match}, {@code Idempotency-Key}; the status, {@code ETag}, a path-only {@code Location} and
 * problem bodies. A data-point batch of several MB (CSV or JSON) reaches measures-service byte for byte, and its
 * {@code Idempotent-Replayed} comes back.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class ServiceProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> String.join(", ", e.getValue()))
                    .orElse(null);
        }

        /** What the service received, as it echoed it. */
        JsonNode received() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private static Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.user("coordinator"))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    private static Reply send(String method, String pathAndQuery) throws Exception {
        return send(method, pathAndQuery, Map.of(), null);
    }

    /** A path a service would resolve to another route than the gateway checked is refused, and sent nowhere. */
    @Test
    void aPathWithDotOrEmptySegmentsIsRefusedBeforeAnyService() throws Exception {
        for (String path : List.of(
                "/api/plans/../initiatives",
                "/api/initiatives/%2e%2e/admin/relay/plan/refused",
                "/api/plans//stroud")) {
            long before = StubServices.received();
            Reply reply = send("GET", path);
            assertEquals(400, reply.status(), path);
            assertEquals("application/problem+json", reply.header("Content-Type"), path);
            assertEquals(
                    "urn:csp:problem:invalid-path",
                    reply.received().path("type").asText(),
                    path);
            assertEquals(before, StubServices.received(), path + " reached no service");
        }
    }

    @Test
    void everyPathReachesTheServiceThatOwnsIt() throws Exception {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/plans",
                "/api/plans/stroud-2023-2026",
                "/api/plans/stroud-2023-2026/revisions",
                "/api/priorities",
                "/api/priorities/1",
                "/api/objectives/P1-O1",
                "/api/organisations/victim-support",
                "/api/initiatives",
                "/api/initiatives/P1-04",
                "/api/reviews",
                "/api/reviews/2024-25-Q3",
                "/api/priority-leads",
                "/api/priority-leads/8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72")) {
            owners.put(path, "plan");
        }
        for (String path : List.of(
                "/api/indicators/ASB-INCIDENTS/data-points",
                "/api/data-points/batch",
                "/api/geographies",
                "/api/geographies/E05010955",
                "/api/assessments",
                "/api/assessments/ASB-INCIDENTS/2024-25-Q1",
                "/api/comparators/ASB-INCIDENTS")) {
            owners.put(path, "measures");
        }
        owners.put("/api/engagements/e-1", "engagement");
        owners.put("/api/case-reviews/ASB-CR-2024-007", "engagement");
        owners.put("/api/consultations/2024-residents-survey", "engagement");
        for (Map.Entry<String, String> route : owners.entrySet()) {
            Reply reply = send("GET", route.getKey() + "?partnership=stroud&includeRetired=true");
            assertEquals(200, reply.status(), route.getKey() + ": " + reply.body());
            JsonNode received = reply.received();
            assertEquals(route.getValue(), received.get("service").asText(), route.getKey());
            assertEquals(route.getKey(), received.get("path").asText());
            assertEquals(
                    "partnership=stroud&includeRetired=true",
                    received.get("query").asText());
            assertEquals(
                    "Bearer " + Tokens.user("coordinator"),
                    received.at("/headers/authorization").asText(),
                    "the service checks the token again");
        }
        for (String[] write : new String[][] {
            {"POST", "/api/plans/import"},
            {"POST", "/api/priorities"},
            {"POST", "/api/objectives"},
            {"POST", "/api/organisations"},
            {"POST", "/api/initiatives"},
            {"POST", "/api/initiatives/P1-04/retire"},
            {"POST", "/api/initiatives/P1-04/progress"},
            {"POST", "/api/reviews"},
            {"PUT", "/api/reviews/2024-25-Q3/reports/1"},
            {"POST", "/api/reviews/2024-25-Q3/reopen"},
            {"PUT", "/api/priority-leads/8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72"},
            {"PATCH", "/api/priorities/1"},
            {"DELETE", "/api/priority-leads/8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72"}
        }) {
            Reply reply = send(
                    write[0],
                    write[1],
                    Map.of("Content-Type", "application/json"),
                    write[0].equals("DELETE") ? null : "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, reply.status(), write[0] + " " + write[1] + ": " + reply.body());
            assertEquals("plan", reply.received().get("service").asText(), write[1]);
            assertEquals(write[0], reply.received().get("method").asText());
            assertEquals(write[1], reply.received().get("path").asText());
        }
        Reply batch = send(
                "POST",
                "/api/data-points/batch",
                Map.of("Content-Type", "application/json"),
                "[]".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, batch.status(), batch.body());
        assertEquals("measures", batch.received().get("service").asText());
        assertEquals("POST", batch.received().get("method").asText());
    }

    /**
     * The projections the services run are reached through the gateway: measures-service's {@code derived}, its status,
     * rebuild and repairs with the caller's token. The gateway's own projections, and any name it does not know, are
     * its own to answer (here it does not consume: csp.projection.enabled=false), to an administrator only.
     */
    @Test
    void aServicesProjectionIsReachedThroughTheGatewayAndItsOwnAreAnsweredThere() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.user("admin"));
        for (String[] request : new String[][] {
            {"GET", "/api/admin/projections/derived/status"},
            {"POST", "/api/admin/projections/derived/rebuild"},
            {"GET", "/api/admin/projections/derived/parked"},
            {"POST", "/api/admin/projections/derived/parked/17/replay"},
            {"POST", "/api/admin/projections/derived/parked/17/discard"},
            {"GET", "/api/admin/projections/derived/gaps"},
            {"POST", "/api/admin/projections/derived/gaps/3/skip"}
        }) {
            Reply reply = send(
                    request[0],
                    request[1],
                    request[0].equals("POST")
                            ? Map.of("Authorization", admin.get("Authorization"), "Content-Type", "application/json")
                            : admin,
                    body(request[0]));
            assertEquals(200, reply.status(), request[1] + ": " + reply.body());
            JsonNode received = reply.received();
            assertEquals("measures", received.get("service").asText(), request[1]);
            assertEquals(request[0], received.get("method").asText());
            assertEquals(request[1], received.get("path").asText());
            assertEquals(
                    admin.get("Authorization"),
                    received.at("/headers/authorization").asText());
        }
        Reply registry = send("GET", "/api/admin/projections/registry/gaps", admin, null);
        assertEquals("engagement", registry.received().get("service").asText(), "engagement-service's registry");
        Reply own = send("GET", "/api/admin/projections/quarterly/status", admin, null);
        assertEquals(200, own.status(), own.body());
        assertEquals("quarterly", own.received().get("projection").asText());
        Reply all = send("GET", "/api/admin/projections/status", admin, null);
        assertEquals(200, all.status(), all.body());
        assertEquals("quarterly", all.received().get(0).get("projection").asText());
        assertEquals(403, send("GET", "/api/admin/projections/status").status(), "a coordinator is no administrator");
        Reply unknown = send("GET", "/api/admin/projections/elsewhere/status", admin, null);
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(
                unknown.header("Content-Type").startsWith("application/problem+json"), unknown.header("Content-Type"));
    }

    /**
     * Each service's relay through the gateway, by the service's name: {@code /api/admin/relay/{service}/…} is the
     * service's own {@code /api/admin/relay/…}, query and body included; a name that is no service's is a 404 problem.
     */
    @Test
    void eachServicesRelayIsReachedByTheServicesName() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.user("admin"));
        for (String service : List.of("plan", "measures", "engagement")) {
            Reply list = send("GET", "/api/admin/relay/" + service + "/refused?limit=5", admin, null);
            assertEquals(200, list.status(), list.body());
            assertEquals(service, list.received().get("service").asText());
            assertEquals("/api/admin/relay/refused", list.received().get("path").asText());
            assertEquals("limit=5", list.received().get("query").asText());
            Reply republish = send(
                    "POST",
                    "/api/admin/relay/" + service + "/refused/1234/republish",
                    Map.of("Authorization", admin.get("Authorization"), "Content-Type", "application/json"),
                    body("POST"));
            assertEquals(200, republish.status(), republish.body());
            assertEquals(service, republish.received().get("service").asText());
            assertEquals(
                    "/api/admin/relay/refused/1234/republish",
                    republish.received().get("path").asText());
            assertEquals(
                    new String(body("POST"), StandardCharsets.UTF_8),
                    republish.received().get("body").asText());
        }
        Reply gateway = send("GET", "/api/admin/relay/gateway/refused", admin, null);
        assertEquals(404, gateway.status(), gateway.body());
        assertTrue(
                gateway.header("Content-Type").startsWith("application/problem+json"), gateway.header("Content-Type"));
    }

    /** A repair's body, for a POST. */
    private static byte[] body(String method) {
        return method.equals("POST") ? "{\"reason\": \"the cause is fixed\"}".getBytes(StandardCharsets.UTF_8) : null;
    }

    /** A CSV batch of exactly {@code size} bytes (UTF-8, the last row cut short), rows as measures-service reads them. */
    private static byte[] csvBatch(int size) {
        StringBuilder csv =
                new StringBuilder("indicator,period,geography,value,numerator,denominator,status,source,reason\r\n");
        for (int row = 0; csv.length() < size; row++) {
            csv.append("ASB-INCIDENTS,20")
                    .append(10 + row % 80)
                    .append('-')
                    .append(String.format("%02d", row % 12 + 1))
                    .append(",E0501")
                    .append(String.format("%04d", row % 10_000))
                    .append(',')
                    .append(row % 997)
                    .append(",,,provisional,gloucestershire-constabulary,\"café, \"\"quoted\"\" – ünïcode\"\r\n");
        }
        return java.util.Arrays.copyOf(csv.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    /**
     * POST /api/data-points/batch: a CSV or JSON body of several MB reaches measures-service byte for byte, with its
     * content type (charset included) and Idempotency-Key; the answer's Location, ETag and Idempotent-Replayed come
     * back. The gateway accepts bodies of at least 8 MB (quarkus.http.limits.max-body-size).
     */
    @Test
    void aLargeDataPointBatchCrossesUnchangedBothWays() throws Exception {
        for (int size : new int[] {5 * 1024 * 1024, 9 * 1024 * 1024}) {
            byte[] csv = csvBatch(size);
            Reply reply = send(
                    "POST",
                    "/api/data-points/batch?partnership=stroud&reply-body=summary&reply-location=absolute&reply-replayed=true",
                    Map.of("Content-Type", "text/csv; charset=utf-8", "Idempotency-Key", "batch-" + size),
                    csv);
            assertEquals(200, reply.status(), reply.body());
            JsonNode received = reply.received();
            assertEquals("measures", received.get("service").asText());
            assertEquals("/api/data-points/batch", received.get("path").asText());
            assertEquals(csv.length, received.get("bodyLength").asInt(), "the whole body reached the service");
            assertEquals(StubServices.sha256(csv), received.get("bodySha256").asText(), "byte for byte");
            assertEquals(
                    "text/csv; charset=utf-8",
                    received.at("/headers/content-type").asText());
            assertEquals(
                    "batch-" + size, received.at("/headers/idempotency-key").asText());
            assertEquals(StubServices.REVIEW, reply.header("Location"), "the service's own origin is cut off");
            assertEquals(StubServices.ETAG, reply.header("ETag"));
            assertEquals("true", reply.header("Idempotent-Replayed"));
        }

        String json =
                "[{\"indicator\":\"ASB-INCIDENTS\",\"period\":\"2024-05\",\"geography\":\"E07000082\",\"value\": 12.50,"
                        + "\n \"source\":\"gloucestershire-constabulary\", \"reason\": \"café – ünïcode\"}]";
        Reply first = send(
                "POST",
                "/api/data-points/batch",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "json-batch"),
                json.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status(), first.body());
        assertEquals(json, first.received().get("body").asText(), "the JSON is not re-encoded (12.50 stays 12.50)");
        assertEquals(
                "application/json", first.received().at("/headers/content-type").asText());
        assertEquals(
                "json-batch", first.received().at("/headers/idempotency-key").asText());
        assertEquals(null, first.header("Idempotent-Replayed"), "a first answer is not marked replayed");

        // over measures-service's own limit: its 413 problem comes back as it wrote it
        Reply tooLarge = send(
                "POST",
                "/api/data-points/batch?reply-status=413&reply-type=problem&reply-body=summary",
                Map.of("Content-Type", "text/csv"),
                csvBatch(6 * 1024 * 1024));
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(
                tooLarge.header("Content-Type").startsWith("application/problem+json"),
                tooLarge.header("Content-Type"));
        assertEquals("urn:csp:problem:stub-413", tooLarge.received().get("type").asText());
    }

    /**
     * The gateway keeps its connections to a service alive and reuses them: twenty requests one after another reach
     * the service over one or two connections, not twenty. Only the headers the contracts name cross: a cookie, a
     * forwarded address or a host header the client sent stays at the gateway.
     */
    @Test
    void requestsReuseKeptAliveConnectionsAndCarryOnlyTheNamedHeaders() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Reply reply = send(
                    "GET",
                    "/api/geographies",
                    Map.of("Cookie", "session=abc", "X-Forwarded-For", "10.0.0.9", "X-Request-Id", "r-" + i),
                    null);
            assertEquals(200, reply.status(), reply.body());
            ports.add(reply.received().get("clientPort").asInt());
            JsonNode headers = reply.received().get("headers");
            assertFalse(headers.has("cookie"), headers.toString());
            assertFalse(headers.has("x-forwarded-for"), headers.toString());
            assertEquals("r-" + i, headers.path("x-request-id").asText());
        }
        assertTrue(ports.size() <= 2, "connections used for 20 requests: " + ports);
    }

    /** The gateway's metrics name a forwarded request by its route, never by a path a client may vary without end. */
    @Test
    void metricsNameTheRouteNotThePath() throws Exception {
        for (String id : new String[] {"P1-04", "P2-01", "no-such-initiative-x9"}) {
            assertEquals(200, send("GET", "/api/initiatives/" + id).status());
        }
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/q/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("uri=\"/api/initiatives/**\""), "the route's template is the tag");
        assertFalse(metrics.body().contains("no-such-initiative-x9"), "no path is a tag");
    }

    @Test
    void aMergePatchReachesTheServiceByteForByteWithItsPrecondition() throws Exception {
        String patch = "{ \"resources\" : \"Two units – and a café\",\n  \"funding\": null,\"risks\":[] }";
        Reply reply = send(
                "PATCH",
                "/api/initiatives/P1-04",
                Map.of(
                        "Content-Type",
                        "application/merge-patch+json",
                        "If-Match",
                        "\"3\"",
                        "Accept",
                        "application/json"),
                patch.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        JsonNode received = reply.received();
        assertEquals("PATCH", received.get("method").asText());
        assertEquals(
                "application/merge-patch+json",
                received.at("/headers/content-type").asText());
        assertEquals("\"3\"", received.at("/headers/if-match").asText());
        assertEquals(patch, received.get("body").asText(), "the patch is not re-encoded");
        assertEquals(StubServices.ETAG, reply.header("ETag"));
    }

    @Test
    void aCreatedResourceKeepsItsPathOnlyLocationAndItsETag() throws Exception {
        byte[] open = "{\"quarter\": \"2024/25 Q3\"}".getBytes(StandardCharsets.UTF_8);
        for (String location : List.of("absolute", "path")) {
            Reply created = send(
                    "POST",
                    "/api/reviews?reply-status=201&reply-location=" + location,
                    Map.of("Content-Type", "application/json", "Idempotency-Key", "open-q3-" + location),
                    open);
            assertEquals(201, created.status(), created.body());
            assertEquals(StubServices.REVIEW, created.header("Location"), "Location answered as " + location);
            assertEquals(StubServices.ETAG, created.header("ETag"));
            assertTrue(created.header("Content-Type").startsWith("application/json"), created.header("Content-Type"));
            assertEquals(
                    "open-q3-" + location,
                    created.received().at("/headers/idempotency-key").asText());
            assertEquals(
                    "{\"quarter\": \"2024/25 Q3\"}",
                    created.received().get("body").asText());
        }
        Reply elsewhere = send(
                "POST",
                "/api/reviews?reply-status=201&reply-location=other",
                Map.of("Content-Type", "application/json"),
                open);
        assertEquals(StubServices.ELSEWHERE, elsewhere.header("Location"), "a Location elsewhere is left alone");
    }

    @Test
    void preconditionAndConflictProblemsComeBackAsTheServiceWroteThem() throws Exception {
        for (int status : new int[] {409, 412, 428}) {
            // a body-less command, as POST /api/reviews/{quarter}/close is
            Reply reply = send(
                    "POST",
                    "/api/reviews/2024-25-Q3/close?reply-status=" + status + "&reply-type=problem",
                    Map.of("If-Match", "\"2\""),
                    null);
            assertEquals(status, reply.status(), reply.body());
            assertTrue(
                    reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
            JsonNode problem = reply.received();
            assertEquals("urn:csp:problem:stub-" + status, problem.get("type").asText());
            assertEquals(status, problem.get("status").asInt());
            assertEquals("\"2\"", problem.at("/headers/if-match").asText());
            assertEquals("", problem.get("body").asText());
            assertEquals("POST", problem.get("method").asText());
        }
    }
}
