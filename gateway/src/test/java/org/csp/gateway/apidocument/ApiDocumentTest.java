package org.csp.gateway.apidocument;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.testing.ApiDocumentRules;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own part of the API document, and {@code GET /api/openapi} when the services cannot be read (here
 * the routes lead to a closed port). The whole document, with the services', is checked end to end by deploy's
 * {@code ApiDocumentEndToEndTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode own() throws Exception {
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/gateway-openapi.json"), document);
        return JSON.readTree(document);
    }

    @Test
    void everyOperationOfTheGatewayHasSecurityRolesAndItsProblems() throws Exception {
        JsonNode document = own();
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals(
                "http", document.at("/components/securitySchemes/bearer/type").asText());
        assertEquals(
                "bearer",
                document.at("/components/securitySchemes/bearer/scheme").asText());
        List<String> broken = ApiDocumentRules.broken(
                document, path -> path.equals("/api/openapi") || path.startsWith("/api/public/"));
        assertTrue(broken.isEmpty(), String.join("\n", broken));
        JsonNode status = document.at("/paths/~1api~1admin~1projections~1status/get");
        assertEquals("[\"administrator\"]", status.path("x-roles").toString());
        assertTrue(status.path("description").asText().contains("Roles: administrator."));
        assertTrue(document.at("/paths/~1api~1openapi/get/security").isMissingNode());
        assertTrue(document.at("/paths/~1api~1public~1{quarter}/get/security").isMissingNode(), "no login");
        assertFalse(
                document.at("/paths/~1api~1views~1annual~1{year}/get/security").isMissingNode());
    }

    @Test
    void theRoutesToTheServicesAreNotTheGatewaysOwn() throws Exception {
        JsonNode document = own();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            assertFalse(path.contains(":"), path + " is a route's pattern, not an API path");
        });
    }

    @Test
    void withAServiceDownTheDocumentIsA503ProblemWithoutLogin() {
        given().get("/api/openapi")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:api-document-unavailable"))
                .body("detail", containsString("service's API document could not be read"));
    }

    @Test
    void theUiShowsTheApiDocumentFromAssetsInTheJar() {
        String page =
                given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        String config =
                page + given().get("/q/swagger-ui/index.js").then().extract().asString();
        assertTrue(config.contains("/api/openapi"), config);
        Matcher external = Pattern.compile("(src|href)=\"(https?:)?//").matcher(page);
        assertFalse(external.find(), "the UI loads an asset from elsewhere: " + page);
    }
}
