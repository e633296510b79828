package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.csp.infrastructure.RepoRoot;
import org.csp.testing.ApiDocumentRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one API document the gateway serves ({@code GET /api/openapi}, no login) on the whole stack: every public path
 * of every service and of the gateway in it once, each operation with its security, roles and problem responses, and
 * Spectral's {@code spectral:oas} ruleset finding no error in it ({@code tools/spectral}, installed with
 * {@code npm ci}).
 */
class ApiDocumentEndToEndTest {

    /** The paths under {@code /api/} of a service that the gateway does not route, each with why; none today. */
    private static final Map<String, String> INTERNAL = Map.of();

    private static final Map<String, String> SERVICES =
            Map.of("plan-service", "plan", "measures-service", "measures", "engagement-service", "engagement");

    private static LocalStack stack;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        stack = TestStacks.start();
        Api.Reply reply = Api.get(stack.url("gateway") + "/api/openapi", null);
        assertEquals(200, reply.status(), reply.body());
        document = Api.JSON.readTree(reply.body());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonNode own(String service) throws IOException {
        Api.Reply reply = Api.get(stack.url(service) + "/q/openapi?format=json", null);
        assertEquals(200, reply.status(), service + ": " + reply.body());
        return Api.JSON.readTree(reply.body());
    }

    private static Set<String> paths(JsonNode openapi) {
        Set<String> paths = new TreeSet<>();
        openapi.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/")) {
                paths.add(path);
            }
        });
        return paths;
    }

    @Test
    void everyPublicPathOfEveryServiceAndOfTheGatewayIsInTheDocument() throws IOException {
        Set<String> merged = paths(document);
        List<String> missing = new ArrayList<>();
        for (String path : paths(own("gateway"))) {
            if (!merged.contains(path)) {
                missing.add("gateway " + path);
            }
        }
        Set<String> exempt = new TreeSet<>(INTERNAL.keySet());
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            for (String path : paths(own(service.getKey()))) {
                String at = path.startsWith("/api/admin/relay/")
                        ? "/api/admin/relay/{service}" + path.substring("/api/admin/relay".length())
                        : path;
                if (!merged.contains(at) && !exempt.remove(path)) {
                    missing.add(service.getKey() + " " + path + (at.equals(path) ? "" : " (as " + at + ")"));
                }
            }
        }
        assertTrue(missing.isEmpty(), "not in the API document:\n" + String.join("\n", missing));
        assertTrue(exempt.isEmpty(), "internal, but no service has it: " + exempt);
        assertTrue(merged.stream().noneMatch(path -> path.startsWith("/q/")));
    }

    @Test
    void everyOperationHasItsSecurityRolesAndProblems() {
        List<String> broken = ApiDocumentRules.broken(
                document, path -> path.equals("/api/openapi") || path.startsWith("/api/public/"));
        assertTrue(broken.isEmpty(), String.join("\n", broken));
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals(
                "JWT",
                document.at("/components/securitySchemes/bearer/bearerFormat").asText());
    }

    @Test
    void theDocumentIsAlsoYaml() {
        Api.Reply reply = Api.get(stack.url("gateway") + "/api/openapi?format=yaml", null);
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/yaml"), reply.contentType());
        assertTrue(reply.body().contains("openapi: \"3.1.0\"") || reply.body().contains("openapi: 3.1.0"));
    }

    @Test
    void thePackagedGatewayServesTheUiOfTheDocument() {
        Api.Reply page = Api.get(stack.url("gateway") + "/q/swagger-ui/", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("url: '/api/openapi'"), page.body());
        assertTrue(page.body().contains("<script src=\"swagger-ui-bundle.js\""), "the UI's script is the jar's");
        assertEquals(
                200,
                Api.get(stack.url("gateway") + "/q/swagger-ui/swagger-ui-bundle.js", null)
                        .status());
    }

    @Test
    void spectralFindsNoErrorWithTheOasRuleset() throws Exception {
        Path spectral = RepoRoot.find().resolve("tools/spectral");
        Path written = Path.of("target/api-document.json").toAbsolutePath();
        Files.createDirectories(written.getParent());
        Files.writeString(written, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        if (!Files.exists(spectral.resolve("node_modules/.bin/spectral"))) {
            run(spectral, "npm", "ci", "--no-audit", "--no-fund");
        }
        Result lint = run(
                spectral,
                spectral.resolve("node_modules/.bin/spectral").toString(),
                "lint",
                "--ruleset",
                spectral.resolve(".spectral.yaml").toString(),
                "--fail-severity",
                "error",
                written.toString());
        assertEquals(0, lint.exit(), "spectral lint " + written + ":\n" + lint.output());
    }

    private record Result(int exit, String output) {}

    private static Result run(Path directory, String... command) throws Exception {
        Path log = Files.createTempFile("spectral", ".log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (command[0].equals("npm") && process.exitValue() != 0) {
            throw new AssertionError("npm ci failed:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
