package org.csp.measures.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/** The catalogue: loaded from the file at first start, defined and amended by the coordinator with a kept history. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class IndicatorCatalogueTest {

    private static final String NEW_INDICATOR = """
            {"code":"%s","title":"Knife crime offences","priority":2,"unit":"count","frequency":"monthly",
             "polarity":"lower-is-better","sources":["gloucestershire-constabulary"],"geographyLevel":"ward"}""";

    @Test
    void everyLineOfThePlanIsInTheCatalogueWithItsRules() throws Exception {
        Api.get(Tokens.user("viewer"), "/api/indicators")
                .statusCode(200)
                .body("size()", greaterThanOrEqualTo(22))
                .body("find { it.code == 'HATE-CRIMES' }.polarity", equalTo("increased-reporting-is-positive"))
                .body("find { it.code == 'DA-INCIDENTS-CRIMES' }.polarity", equalTo("increased-reporting-is-positive"))
                .body("find { it.code == 'ASB-INCIDENTS' }.aggregation", equalTo("sum"))
                .body("find { it.code == 'ASB-INCIDENTS' }.geographyLevel", equalTo("ward"))
                .body("find { it.code == 'ASB-INCIDENTS' }.baseline", equalTo("same-period-previous-year"))
                .body("find { it.code == 'REOFFENDING-RATE' }.aggregation", equalTo("latest"))
                .body("find { it.code == 'COMMUNITY-WORKSHOPS' }.derivedFrom", equalTo("workshops"))
                .body("find { it.code == 'FEEL-SAFE-AFTER-DARK' }.derivedFrom", equalTo("consultation-results"))
                .body("find { it.code == 'NRM-REFERRALS' }.polarity", equalTo("monitor-only"));
        // the plan's measure lines name exactly the catalogue's codes
        String plan =
                Files.readString(Path.of("../plan-service/src/main/resources/seed/stroud-district-2023-2026.json"));
        List<String> codes =
                Api.get(Tokens.user("viewer"), "/api/indicators").extract().path("code");
        for (String code : codes) {
            assertEquals(true, plan.contains("\"" + code + "\""), code + " is named by the plan");
        }
    }

    @Test
    void theCoordinatorDefinesAndAmendsAnIndicatorAndItsHistoryIsKept() {
        String coordinator = Tokens.user("coordinator");
        String etag = Api.post(coordinator, "/api/indicators", NEW_INDICATOR.formatted("KNIFE-CRIME"))
                .statusCode(201)
                .header("Location", equalTo("/api/indicators/KNIFE-CRIME"))
                .body("aggregation", equalTo("sum"))
                .body("tolerance", equalTo(5))
                .body("targets.size()", equalTo(0))
                .extract()
                .header("ETag");
        Api.post(
                        coordinator,
                        "/api/indicators",
                        NEW_INDICATOR.formatted("KNIFE-CRIME").replace("Knife crime offences", "Other"))
                .statusCode(409);

        String patch = "{\"targets\":{\"2025/26\":120},\"tolerance\":10}";
        Api.as(coordinator)
                .contentType("application/merge-patch+json")
                .body(patch)
                .when()
                .patch("/api/indicators/KNIFE-CRIME")
                .then()
                .statusCode(428);
        Api.mergePatch(coordinator, "/api/indicators/KNIFE-CRIME", patch, "\"99\"")
                .statusCode(412);
        long before = Db.events();
        Api.mergePatch(coordinator, "/api/indicators/KNIFE-CRIME", patch, etag)
                .statusCode(200)
                .body("targets.'2025/26'", equalTo(120))
                .body("tolerance", equalTo(10))
                .body("version", equalTo(2));
        assertEquals(before + 1, Db.events());
        Api.mergePatch(coordinator, "/api/indicators/KNIFE-CRIME", "{\"polarity\":\"monitor-only\"}", "\"2\"")
                .statusCode(422)
                .body("errors.field", hasItem("targets"));
        Api.mergePatch(coordinator, "/api/indicators/KNIFE-CRIME", "{\"code\":\"OTHER\"}", "\"2\"")
                .statusCode(422);
        assertEquals(before + 1, Db.events());

        Api.get(Tokens.user("viewer"), "/api/indicators/KNIFE-CRIME/history")
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].type", equalTo("measures.indicator.defined.v2"))
                .body("[1].type", equalTo("measures.indicator.amended.v1"))
                .body("[1].actor.subject", org.hamcrest.Matchers.notNullValue())
                .body("[1].changes.field", hasItem("/definition/tolerance"));
    }

    @Test
    void anInvalidDefinitionIsA422NamingEachFieldAndOnlyTheCoordinatorDefines() {
        String coordinator = Tokens.user("coordinator");
        long before = Db.events();
        Api.post(coordinator, "/api/indicators", """
                        {"code":"bad code","title":"x","priority":0,"unit":"litres","frequency":"daily","polarity":"up",
                         "sources":["acme-ltd"],"targets":{"2024":5},"tolerance":150,"geographyLevel":"street","derivedFrom":"magic"}""")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("unit"))
                .body("errors.field", hasItem("frequency"))
                .body("errors.field", hasItem("polarity"))
                .body("errors.field", hasItem("sources[0]"))
                .body("errors.field", hasItem("targets.2024"))
                .body("errors.field", hasItem("tolerance"))
                .body("errors.field", hasItem("geographyLevel"))
                .body("errors.field", hasItem("derivedFrom"));
        Api.post(coordinator, "/api/indicators", "{\"code\":\"X\",\"priority\":\"2\"}")
                .statusCode(400)
                .body("detail", containsString("priority"));
        Api.post(Tokens.user("viewer"), "/api/indicators", NEW_INDICATOR.formatted("VIEWER-MADE"))
                .statusCode(403);
        Api.post(Tokens.client("police-gloucestershire"), "/api/indicators", NEW_INDICATOR.formatted("POLICE-MADE"))
                .statusCode(403);
        assertEquals(before, Db.events());
        Api.get(Tokens.user("viewer"), "/api/indicators/VIEWER-MADE")
                .statusCode(404)
                .body("title", containsString("not found"));
    }

    @Test
    void theGeographiesAreStroudsDistrictAndWards() {
        Api.get(Tokens.user("viewer"), "/api/geographies?partnership=stroud")
                .statusCode(200)
                .body("[0].code", equalTo("E07000082"))
                .body("[0].level", equalTo("district"))
                .body("findAll { it.level == 'ward' }.size()", equalTo(27))
                .body("find { it.code == 'E05013187' }.name", equalTo("Amberley and Woodchester"));
    }
}
