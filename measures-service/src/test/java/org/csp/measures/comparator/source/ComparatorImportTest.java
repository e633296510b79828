package org.csp.measures.comparator.source;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Comparator sources through the API: a mapping saved once per source, the sample exports of docs/examples imported
 * through their mappings, and every export refused whole, naming its rows and columns, with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class ComparatorImportTest {

    private static final String ANALYST = "safer-gloucestershire";
    private static final String IQUANTA_HEADER =
            "Area Name,Period,\"Rate per 1,000\",MSG Average,Lower Limit," + "Upper Limit,Rank in MSG,Number in MSG\n";

    private static String example(String file) throws IOException {
        return Files.readString(Path.of("../docs/examples", file));
    }

    private static ValidatableResponse upload(String token, String source, String csv) {
        return Api.as(token)
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/comparator-sources/" + source + "/imports")
                .then();
    }

    /** The county's mapping of {@code id}, saved from the example mapping {@code file}. */
    private static void countyMapping(String id, String file) throws IOException {
        String mapping = example(file);
        int status = Api.put(Tokens.client(ANALYST), "/api/comparator-sources/" + id, mapping)
                .extract()
                .statusCode();
        assertEquals(true, status == 201 || status == 200, "saved: " + status);
    }

    private static ValidatableResponse comparators(String code, String partnership) {
        return Api.get(Tokens.client(ANALYST), "/api/indicators/" + code + "/comparators?partnership=" + partnership)
                .statusCode(200);
    }

    @Test
    void theSampleExportsAreImportedThroughTheirMappings() throws IOException {
        String analyst = Tokens.client(ANALYST);
        Api.put(analyst, "/api/comparator-sources/iquanta", example("iquanta-mapping.json"))
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("scope", equalTo("safer-gloucestershire"))
                .body("columns.value", equalTo("Rate per 1,000"));
        Api.put(analyst, "/api/comparator-sources/maiden", example("maiden-mapping.json"))
                .statusCode(201)
                .body("indicator", nullValue())
                .body("columns.indicator", equalTo("Measure"));

        long before = Db.events();
        upload(analyst, "iquanta", example("iquanta-export.csv"))
                .statusCode(200)
                .body("rows", equalTo(12))
                .body("recorded", equalTo(12))
                .body("unchanged", equalTo(0));
        upload(analyst, "maiden", example("maiden-export.csv")).statusCode(200).body("recorded", equalTo(12));
        assertEquals(before + 24, Db.events(), "one comparator event per row");

        comparators("RECORDED-CRIME", "stroud")
                .body("find { it.period == '2023-08' }.geography", equalTo("E07000082"))
                .body("find { it.period == '2023-08' }.value", equalTo(3.71f))
                .body("find { it.period == '2023-08' }.average", equalTo(4.55f))
                .body("find { it.period == '2023-08' }.lower", equalTo(3.85f))
                .body("find { it.period == '2023-08' }.upper", equalTo(5.25f))
                .body("find { it.period == '2023-08' }.rank", equalTo(3))
                .body("find { it.period == '2023-08' }.groupSize", equalTo(15))
                .body("find { it.period == '2023-08' }.source", equalTo("iquanta"))
                .body("find { it.period == '2023-08' }.submittedBy", equalTo(ANALYST));
        comparators("RECORDED-CRIME", "forest-of-dean")
                .body("find { it.period == '2023-07' }.geography", equalTo("E07000080"))
                .body("find { it.period == '2023-07' }.value", equalTo(4.55f));
        comparators("HATE-CRIMES", "stroud")
                .body("find { it.period == '2023/24 Q2' }.value", equalTo(0.18f))
                .body("find { it.period == '2023/24 Q2' }.rank", equalTo(1))
                .body("find { it.period == '2023/24 Q2' }.groupSize", nullValue())
                .body("find { it.period == '2023/24 Q2' }.source", equalTo("maiden"));
        comparators("HATE-CRIMES", "gloucester").body("find { it.period == '2023/24 Q1' }.average", equalTo(0.44f));

        // the same export again changes nothing
        upload(analyst, "iquanta", example("iquanta-export.csv"))
                .statusCode(200)
                .body("recorded", equalTo(0))
                .body("unchanged", equalTo(12));
        assertEquals(before + 24, Db.events());

        // Stroud's quarter: below its group's range in August's crime (better: lower is better) and in hate crime
        // reports (worse: more reporting is positive)
        Api.get(Tokens.user("viewer"), "/api/assessments/2023-24-Q2")
                .statusCode(200)
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.period", equalTo("2023-08"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.value", equalTo(3.71f))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.rank", equalTo(3))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.position", equalTo("below"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.reading", equalTo("better"))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.position", equalTo("below"))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.reading", equalTo("worse"))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.familyGroup", nullValue());
        Api.get(Tokens.user("viewer"), "/api/assessments/2023-24-Q1")
                .statusCode(200)
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.position", equalTo("within"))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.reading", equalTo("similar"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup", nullValue());
    }

    /** Every refusal is a problem naming the row and column, or the header's missing column; nothing is stored. */
    @Test
    void anExportWithAnyBadRowIsRefusedWholeAndStoresNothing() throws IOException {
        countyMapping("iquanta-refusals", "iquanta-mapping.json");
        String analyst = Tokens.client(ANALYST);
        String good = "Stroud,2022-07,4.12,4.60,3.90,5.30,5,15\n";
        long before = Db.events();

        upload(analyst, "iquanta-refusals", IQUANTA_HEADER.replace("Lower Limit", "Lower") + good)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Lower Limit"))
                .body("errors[0].message", containsString("header does not have"));
        upload(analyst, "iquanta-refusals", IQUANTA_HEADER + good + "Bristol,2022-07,4.12,4.60,3.90,5.30,5,15\n")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("Area Name"))
                .body("errors[0].message", containsString("'Bristol' is not a district"));
        upload(
                        analyst,
                        "iquanta-refusals",
                        IQUANTA_HEADER + good + "Stroud,2022-08,4.1x,4.60,3.90,5.30,5,15\n"
                                + "Stroud,2022/23 Q2,4.12,4.60,3.90,5.30,5,15\n"
                                + "Stroud,2022-09,4.12,4.60,5.40,5.30,5,15\n")
                .statusCode(422)
                .body("errors.row", equalTo(List.of(2, 3, 4, 4)))
                .body("errors.field", equalTo(List.of("Rate per 1,000", "Period", "Lower Limit", "MSG Average")));
        upload(analyst, "iquanta-refusals", IQUANTA_HEADER + good + "Stroud\u0001,2022-08,4.12,4.60,3.90,5.30,5,15\n")
                .statusCode(422)
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("control characters"));
        upload(
                        analyst,
                        "iquanta-refusals",
                        IQUANTA_HEADER + "Stroud," + "2".repeat(1001) + ",4.12,4.60,3.90,5.30,5,15\n")
                .statusCode(422)
                .body("errors[0].message", containsString("at most 1000 characters"));
        String tooMany = IntStream.rangeClosed(0, ExportRows.MAX_ROWS)
                .mapToObj(i -> good)
                .collect(Collectors.joining());
        upload(analyst, "iquanta-refusals", IQUANTA_HEADER + tooMany)
                .statusCode(413)
                .contentType("application/problem+json");
        upload(analyst, "iquanta-refusals", IQUANTA_HEADER + good + "x".repeat(ComparatorImportResource.MAX_BYTES))
                .statusCode(413)
                .contentType("application/problem+json");
        upload(analyst, "no-such-source", IQUANTA_HEADER + good).statusCode(404);
        Api.as(analyst)
                .contentType("text/csv; charset=ISO-8859-1")
                .body(IQUANTA_HEADER + good)
                .when()
                .post("/api/comparator-sources/iquanta-refusals/imports")
                .then()
                .statusCode(415);
        upload(Tokens.client("police-gloucestershire"), "iquanta-refusals", IQUANTA_HEADER + good)
                .statusCode(403);
        assertEquals(before, Db.events(), "nothing stored");

        upload(analyst, "iquanta-refusals", IQUANTA_HEADER + good)
                .statusCode(200)
                .body("recorded", equalTo(1));
        comparators("RECORDED-CRIME", "stroud")
                .body("find { it.period == '2022-07' }.source", equalTo("iquanta-refusals"));
    }

    /** The largest export accepted, a thousand rows over the six districts, is recorded in one transaction. */
    @Test
    void theLargestExportIsRecordedWhole() throws IOException {
        countyMapping("iquanta-largest", "iquanta-mapping.json");
        List<String> districts = List.of("E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083");
        String rows = IntStream.range(0, ExportRows.MAX_ROWS)
                .mapToObj(i -> districts.get(i % 6) + ","
                        + java.time.YearMonth.of(2000, 1).plusMonths(i / 6) + ",4.1,4.6,3.9,5.3,6,15\n")
                .collect(Collectors.joining());
        long before = Db.events();
        upload(Tokens.client(ANALYST), "iquanta-largest", IQUANTA_HEADER + rows)
                .statusCode(200)
                .body("rows", equalTo(ExportRows.MAX_ROWS))
                .body("recorded", equalTo(ExportRows.MAX_ROWS));
        assertEquals(before + ExportRows.MAX_ROWS, Db.events());
    }

    /**
     * A coordinator reads and imports through the county's mappings, but only rows of their own district; a mapping
     * they save is their partnership's, and changing it needs its version.
     */
    @Test
    void aCoordinatorImportsRowsOfTheirOwnDistrictAndSavesTheirPartnershipsMappings() throws IOException {
        countyMapping("iquanta-county", "iquanta-mapping.json");
        String coordinator = Tokens.user("coordinator");
        long before = Db.events();
        upload(
                        coordinator,
                        "iquanta-county",
                        IQUANTA_HEADER + "Stroud,2021-07,4.12,4.60,3.90,5.30,5,15\n"
                                + "Cheltenham,2021-07,8.75,7.90,6.95,8.85,12,15\n")
                .statusCode(422)
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("you may import rows of stroud only"));
        assertEquals(before, Db.events(), "nothing stored");
        upload(coordinator, "iquanta-county", IQUANTA_HEADER + "E07000082,2021-07,4.12,4.60,3.90,5.30,5,15\n")
                .statusCode(200)
                .body("recorded", equalTo(1));

        Api.get(Tokens.user("cheltenham-coordinator"), "/api/comparator-sources/iquanta-county")
                .statusCode(200)
                .body("scope", equalTo("safer-gloucestershire"));
        String own = example("maiden-mapping.json").replace("Family Position", "Position in family");
        Api.put(coordinator, "/api/comparator-sources/iquanta-county", own)
                .statusCode(201)
                .body("scope", equalTo("stroud"));
        Api.get(coordinator, "/api/comparator-sources")
                .statusCode(200)
                .body("find { it.id == 'iquanta-county' }.scope", equalTo("stroud"));
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/comparator-sources")
                .statusCode(200)
                .body("find { it.id == 'iquanta-county' }.scope", equalTo("safer-gloucestershire"));
        String changed = own.replace("Family Mean", "Family Average");
        Api.put(coordinator, "/api/comparator-sources/iquanta-county", changed).statusCode(428);
        Api.putIfMatch(coordinator, "/api/comparator-sources/iquanta-county", changed, "\"7\"")
                .statusCode(412);
        Api.putIfMatch(coordinator, "/api/comparator-sources/iquanta-county", changed, "\"1\"")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("columns.average", equalTo("Family Average"));
        Api.putIfMatch(coordinator, "/api/comparator-sources/iquanta-county", changed, "\"2\"")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));
        Api.put(Tokens.user("viewer"), "/api/comparator-sources/iquanta-county", changed)
                .statusCode(403);
    }

    @Test
    void aMappingIsValidatedWholeAndNothingOfABadOneIsStored() {
        String analyst = Tokens.client(ANALYST);
        long before = Db.events();
        Api.put(analyst, "/api/comparator-sources/bad", """
                        {"title":"x","format":"spreadsheet","indicator":"RECORDED-CRIME",
                         "columns":{"indicator":"Measure","area":"Area","period":"Period","value":"Rate",
                                    "average":"Rate","lower":"Lower","upper":"Upper\\u0000"}}""")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("format"))
                .body("errors.field", hasItem("indicator"))
                .body("errors.field", hasItem("columns.upper"))
                .body("errors.find { it.field == 'columns.average' }.message", containsString("columns.value"));
        Api.put(analyst, "/api/comparator-sources/bad", """
                        {"title":"x","format":"iquanta","indicator":"RECORDED-CRIME"}""")
                .statusCode(422)
                .body("errors.field", equalTo(List.of("columns")));
        Api.put(analyst, "/api/comparator-sources/Not_An_Id", """
                        {"title":"x","format":"iquanta","indicator":"RECORDED-CRIME"}""")
                .statusCode(422)
                .body("errors.field", equalTo(List.of("id")));
        assertEquals(before, Db.events(), "nothing stored");
        Api.get(Tokens.user("viewer"), "/api/comparator-sources/bad").statusCode(404);
    }
}
