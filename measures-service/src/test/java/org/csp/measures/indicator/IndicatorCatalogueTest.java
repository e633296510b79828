package org.csp.measures.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue: loaded from the file at first start, defined and amended by the coordinator with a kept history. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class IndicatorCatalogueTest {

    private static final String NEW_INDICATOR = """
            {"code":"%s","title":"Knife crime offences","priority":2,"unit":"count","frequency":"monthly",
             "polarity":"lower-is-better","sources":["gloucestershire-constabulary"],"geographyLevel":"ward"}""";

    /** The rules the catalogue file gives the plan's indicators. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            HATE-CRIMES,          polarity,       increased-reporting-is-positive
            DA-INCIDENTS-CRIMES,  polarity,       increased-reporting-is-positive
            ASB-INCIDENTS,        aggregation,    sum
            ASB-INCIDENTS,        geographyLevel, ward
            ASB-INCIDENTS,        baseline,       same-period-previous-year
            REOFFENDING-RATE,     aggregation,    latest
            COMMUNITY-WORKSHOPS,  derivedFrom,    workshops
            FEEL-SAFE-AFTER-DARK, derivedFrom,    consultation-results
            NRM-REFERRALS,        polarity,       monitor-only
            """)
    void theCatalogueGivesEachIndicatorItsRules(String code, String field, String value) {
        Api.get(Tokens.user("viewer"), "/api/indicators")
                .statusCode(200)
                .body("find { it.code == '" + code + "' }." + field, equalTo(value));
    }

    /**
     * The counts of crime and ASB are public, in Stroud's catalogue and the county core set another district has;
     * domestic abuse (posted by ward) and the rest are not.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            RECORDED-CRIME,          true
            ASB-INCIDENTS,           true
            SV-VIOLENCE-WITH-INJURY, true
            HATE-CRIMES,             true
            DA-INCIDENTS-CRIMES,     false
            """)
    void theCatalogueMarksTheCountsOfCrimeAndAsbPublic(String code, boolean isPublic) {
        for (String user : List.of("viewer", "cotswold-coordinator")) {
            Api.get(Tokens.user(user), "/api/indicators")
                    .statusCode(200)
                    .body("find { it.code == '" + code + "' }.public", equalTo(isPublic));
        }
        Api.get(Tokens.user("viewer"), "/api/indicators")
                .statusCode(200)
                .body("find { it.code == 'ASB-COMPLAINTS' }.public", equalTo(false))
                .body("find { it.code == 'VIAWG-REPORTS' }.public", equalTo(false));
    }

    @Test
    void everyLineOfThePlanIsInTheCatalogueWithItsRules() throws Exception {
        Api.get(Tokens.user("viewer"), "/api/indicators").statusCode(200).body("size()", greaterThanOrEqualTo(22));
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
                .body("[0].type", equalTo("measures.indicator.defined.v3"))
                .body("[1].type", equalTo("measures.indicator.amended.v2"))
                .body("[1].actor.subject", org.hamcrest.Matchers.notNullValue())
                .body("[1].changes.field", hasItem("/definition/tolerance"));
    }

    /**
     * An indicator is not public unless its definition says so; the coordinator marks one public with a merge patch
     * (an amendment) and takes the mark away with null; {@code public} is a JSON boolean, a string is a 400 naming it.
     */
    @Test
    void theCoordinatorMarksAnIndicatorPublic() {
        String coordinator = Tokens.user("coordinator");
        String etag = Api.post(coordinator, "/api/indicators", NEW_INDICATOR.formatted("ROBBERY"))
                .statusCode(201)
                .body("public", equalTo(false))
                .extract()
                .header("ETag");
        long before = Db.events();
        Api.mergePatch(coordinator, "/api/indicators/ROBBERY", "{\"public\":\"yes\"}", etag)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("public"));
        assertEquals(before, Db.events());
        Api.mergePatch(coordinator, "/api/indicators/ROBBERY", "{\"public\":true}", etag)
                .statusCode(200)
                .body("public", equalTo(true))
                .body("version", equalTo(2));
        Api.get(Tokens.user("viewer"), "/api/indicators/ROBBERY")
                .statusCode(200)
                .body("public", equalTo(true));
        Api.mergePatch(coordinator, "/api/indicators/ROBBERY", "{\"public\":null}", "\"2\"")
                .statusCode(200)
                .body("public", equalTo(false));
        Api.get(Tokens.user("viewer"), "/api/indicators/ROBBERY/history")
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "measures.indicator.defined.v3",
                                "measures.indicator.amended.v2",
                                "measures.indicator.amended.v2")))
                .body("[1].changes.field", hasItem("/definition/public"));
        Api.post(
                        coordinator,
                        "/api/indicators",
                        NEW_INDICATOR.formatted("ROBBERY-2").replace("}", ",\"public\":1}"))
                .statusCode(400)
                .body("detail", containsString("public"));
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
                .body(
                        "errors.field",
                        hasItems(
                                "code",
                                "priority",
                                "unit",
                                "frequency",
                                "polarity",
                                "sources[0]",
                                "targets.2024",
                                "tolerance",
                                "geographyLevel",
                                "derivedFrom"));
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

    /** Each district's places belong to the partnership the partnerships file gives it; its coordinator reads them. */
    @Test
    void everyDistrictsCoordinatorReadsItsPartnershipsPlaces() {
        Map<String, String> districts = Map.of(
                "cheltenham", "E07000078",
                "cotswold", "E07000079",
                "forest-of-dean", "E07000080",
                "gloucester", "E07000081",
                "tewkesbury", "E07000083");
        districts.forEach((partnership, district) -> Api.get(
                        Tokens.user(partnership + "-coordinator"), "/api/geographies?partnership=" + partnership)
                .statusCode(200)
                .body("[0].code", equalTo(district))
                .body("[0].level", equalTo("district"))
                .body("partnership", everyItem(equalTo(partnership))));
    }
}
