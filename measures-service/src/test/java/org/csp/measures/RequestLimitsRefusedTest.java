package org.csp.measures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.comparator.ComparatorRules;
import org.csp.measures.comparator.source.ComparatorSourceRequest;
import org.csp.measures.indicator.CatalogueFile;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request one past a documented limit (a list one entry longer, a text one character longer, a figure with one
 * decimal place more) is a 422 problem naming the field, and nothing is stored: limits that were not checked before.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class RequestLimitsRefusedTest {

    /** A valid new indicator but for {@code %s}, the fields a case changes. */
    private static final String INDICATOR = """
            {"code":"LIMITS-TEST","title":"Limits","priority":2,"unit":"count","frequency":"monthly",
             "polarity":"lower-is-better","sources":["gloucestershire-constabulary"]%s}""";

    /** A valid figure of Stroud but for {@code %s}. */
    private static final String FIGURE = """
            {"period":"2015-01","geography":"E07000082","value":3%s}""";

    static Stream<Arguments> onePastTheLimit() {
        String sources = IntStream.rangeClosed(0, IndicatorDefinitions.MAX_SOURCES)
                .mapToObj(i -> "\"source-" + i + "\"")
                .collect(Collectors.joining(","));
        String targets = IntStream.rangeClosed(0, IndicatorDefinitions.MAX_TARGETS)
                .mapToObj(i -> "\"" + (2000 + i) + "/" + String.format("%02d", (i + 1) % 100) + "\":1")
                .collect(Collectors.joining(","));
        String indicators = IntStream.rangeClosed(0, CatalogueFile.MAX_INDICATORS)
                .mapToObj(i -> INDICATOR.replace("LIMITS-TEST", "LIMITS-" + i).formatted(""))
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of(
                        "/api/indicators/import",
                        "indicators",
                        "{\"format\":\"csp-indicators/2\",\"partnership\":\"stroud\",\"indicators\":[" + indicators
                                + "]}"),
                Arguments.of(
                        "/api/indicators",
                        "sources",
                        INDICATOR
                                .replace(
                                        "\"sources\":[\"gloucestershire-constabulary\"]",
                                        "\"sources\":[" + sources + "]")
                                .formatted("")),
                Arguments.of("/api/indicators", "targets", INDICATOR.formatted(",\"targets\":{" + targets + "}")),
                Arguments.of("/api/indicators", "tolerance", INDICATOR.formatted(",\"tolerance\":0.1234567")),
                Arguments.of(
                        "/api/indicators/RECORDED-CRIME/data-points",
                        "source",
                        FIGURE.formatted(",\"source\":\"" + "s".repeat(IndicatorDefinitions.MAX_SOURCE + 1) + "\"")),
                Arguments.of(
                        "/api/indicators/RECORDED-CRIME/comparators",
                        "rank",
                        "{\"period\":\"2015-01\",\"average\":5,\"lower\":4,\"upper\":6,\"rank\":"
                                + (ComparatorRules.MAX_GROUP_SIZE + 1) + "}"),
                Arguments.of(
                        "/api/indicators/RECORDED-CRIME/comparators",
                        "groupSize",
                        "{\"period\":\"2015-01\",\"average\":5,\"lower\":4,\"upper\":6,\"groupSize\":"
                                + (ComparatorRules.MAX_GROUP_SIZE + 1) + "}"),
                Arguments.of(
                        "/api/data-points/batch",
                        "geography",
                        "["
                                + FIGURE.replace("\"E07000082\"", "\"E07000082 \"")
                                        .formatted(",\"indicator\":\"RECORDED-CRIME\"")
                                + "]"));
    }

    /** A comparator source's mapping: a title and a column name one character too long. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("onePastTheLimitOfAMapping")
    void aMappingOnePastALimitIsRefusedNamingTheFieldAndStoresNothing(String field, String body) {
        long before = Db.events();
        Api.put(Tokens.user("coordinator"), "/api/comparator-sources/limits", body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("at most"));
        assertEquals(before, Db.events(), "nothing was stored");
    }

    static Stream<Arguments> onePastTheLimitOfAMapping() {
        String mapping = """
                {"title":"%s","format":"iquanta","indicator":"RECORDED-CRIME","columns":{"area":"%s","period":"P",
                 "value":"V","average":"A","lower":"L","upper":"U"}}""";
        return Stream.of(
                Arguments.of("title", mapping.formatted("t".repeat(ComparatorSourceRequest.MAX_TITLE + 1), "Area")),
                Arguments.of(
                        "columns.area", mapping.formatted("t", "a".repeat(ComparatorSourceRequest.MAX_COLUMN + 1))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("onePastTheLimit")
    void onePastTheLimitIsRefusedNamingTheFieldAndStoresNothing(String path, String field, String body) {
        long before = Db.events();
        Api.post(Tokens.user("coordinator"), path, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("at most"));
        assertEquals(before, Db.events(), "nothing was stored");
    }
}
