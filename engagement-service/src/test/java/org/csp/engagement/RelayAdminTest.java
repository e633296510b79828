package org.csp.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.csp.testing.Unauthorized;
import org.junit.jupiter.api.Test;

/**
 * The kernel's relay admin endpoints as this service serves them: the refused events (none here) and their
 * republishing, for an administrator only, with a strict body; the relay's health and gauge.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class RelayAdminTest {

    private static final String REFUSED = "/api/admin/relay/refused";

    @Test
    void onlyAnAdministratorSeesAndRepublishesRefusedEvents() {
        Unauthorized.assertRefused("GET", REFUSED);
        Api.get(Tokens.user("coordinator"), REFUSED).statusCode(403);
        Api.get(Tokens.user("admin"), REFUSED).statusCode(200).body("size()", equalTo(0));
        Api.post(Tokens.user("coordinator"), REFUSED + "/1/republish", "{\"reason\": \"r\"}")
                .statusCode(403);
        Api.post(Tokens.user("admin"), REFUSED + "/1/republish", "{\"reason\": \"the topic was fixed\"}")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("engagement.events@1"));
        Api.post(Tokens.user("admin"), REFUSED + "/1/republish", "{}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        Api.post(Tokens.user("admin"), REFUSED + "/x/republish", "{\"reason\": \"r\"}")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theRelayReportsItsRefusedEventsInHealthAndMetrics() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.refused", equalTo(0));
        given().when()
                .get("/q/health/well") // the registry projection's checks are here too: only the relay's is read
                .then()
                .body("checks.find { it.name == 'relay-problems' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'relay-problems' }.data.refused", equalTo(0));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("csp_relay_refused{topic=\"engagement.events\"} 0.0"));
    }
}
