package org.csp.gateway.publicfigures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.gateway.quarterly.PinnedEvents;
import org.csp.gateway.quarterly.ViewEvents;
import org.csp.geography.GeographyFile;
import org.csp.infrastructure.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The public figures: no login; every count of an indicator the catalogue marks public, by district and ward, the
 * small ones and those that would give them away suppressed with the reason; nothing of an indicator not public.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class PublicFiguresTest {

    private static final String PUBLIC = "PUBLIC-TEST";
    private static final String PRIVATE = "PRIVATE-TEST";
    private static final String STROUD = "E07000082";

    @Inject
    GeographyFile geography;

    @Test
    void residentsSeeCountsWithSmallOnesSuppressedAndNothingElse() throws Exception {
        List<GeographyFile.Area> wards = geography.districts().stream()
                .filter(d -> d.code().equals(STROUD))
                .findFirst()
                .orElseThrow()
                .wards();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(indicator(PUBLIC, true));
        records.add(indicator(PRIVATE, false));
        // the quarter: every ward 20, but the first 3; the same quarter last year: the district's own figure only
        for (int i = 0; i < wards.size(); i++) {
            records.add(
                    ViewEvents.figure(PUBLIC, wards.get(i).code(), "2010/11 Q1", BigDecimal.valueOf(i == 0 ? 3 : 20)));
            records.add(ViewEvents.figure(PRIVATE, wards.get(i).code(), "2010/11 Q1", BigDecimal.valueOf(2)));
        }
        records.add(ViewEvents.figure(PUBLIC, STROUD, "2009/10 Q1", BigDecimal.valueOf(250)));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(records);
        }
        String first = wards.getFirst().code();
        JsonPath figures = await(f -> {
            Object count = f.get(place(first) + ".quarter.suppressed");
            Object district = f.get(place(STROUD) + ".lastYear.value");
            return count != null && district != null;
        });
        assertNull(figures.get("indicators.find { it.code == '" + PRIVATE + "' }"), "not public: not shown");
        assertEquals("primary", figures.getString(place(first) + ".quarter.suppressed"));
        assertEquals("a count from 1 to 9", figures.getString(place(first) + ".quarter.reason"));
        assertNull(figures.get(place(first) + ".quarter.value"));
        List<Map<String, Object>> places = figures.getList("indicators.find { it.code == '" + PUBLIC + "' }.places");
        assertEquals(wards.size() + 1, places.size(), "the district and its wards");
        long secondary = places.stream()
                .filter(p -> "secondary".equals(((Map<?, ?>) p.get("quarter")).get("suppressed")))
                .count();
        assertEquals(1, secondary, "one more ward hides the first, so the district total cannot give it away");
        for (Map<String, Object> p : places) {
            for (String period : List.of("quarter", "lastYear")) {
                Object value = ((Map<?, ?>) p.get(period)).get("value");
                assertFalse(
                        value != null && ((Number) value).longValue() >= 1 && ((Number) value).longValue() <= 9,
                        "a count from 1 to 9 was published: " + p);
            }
        }
        assertEquals(20 * (wards.size() - 1) + 3, figures.getInt(place(STROUD) + ".quarter.value"));
        assertEquals(250, figures.getInt(place(STROUD) + ".lastYear.value"));
        assertNotNull(figures.get(place(first) + ".lastYear.notAvailable"), "no ward figures last year");

        ExtractableResponse<Response> tagged =
                given().get("/api/public/2010-11-Q1").then().statusCode(200).extract();
        assertTrue(tagged.header("Cache-Control").contains("public"));
        given().header("If-None-Match", tagged.header("ETag"))
                .get("/api/public/2010-11-Q1")
                .then()
                .statusCode(304);
        given().get("/api/public/2010-11-Q7").then().statusCode(400).contentType("application/problem+json");
    }

    private static String place(String gss) {
        return "indicators.find { it.code == '" + PUBLIC + "' }.places.find { it.gss == '" + gss + "' }";
    }

    private static JsonPath await(java.util.function.Predicate<JsonPath> condition) throws InterruptedException {
        JsonPath last = null;
        for (int i = 0; i < 150; i++) {
            last = given().get("/api/public/2010-11-Q1")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (last.get("indicators.find { it.code == '" + PUBLIC + "' }") != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The public figures never showed the test's; last: " + last.prettify());
    }

    private static ProducerRecord<String, byte[]> indicator(String code, boolean isPublic) {
        return PinnedEvents.record("measures.indicator.defined.v3", "stroud:indicator:" + code, 1, e -> {
            e.put("code", code);
            ObjectNode d = e.with("definition");
            d.put("title", code.toLowerCase())
                    .put("public", isPublic)
                    .put("frequency", "quarterly")
                    .putNull("disclosureThreshold");
            d.putArray("sources").add("gloucestershire-constabulary");
        });
    }
}
