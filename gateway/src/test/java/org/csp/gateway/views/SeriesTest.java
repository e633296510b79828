package org.csp.gateway.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.gateway.quarterly.PinnedEvents;
import org.csp.gateway.quarterly.ViewEvents;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * An indicator's series: two years of monthly figures beside the year before, the year's target, the family group's
 * band, and the process-control reading over a stated baseline, each special cause named by its rule and read through
 * the polarity.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class SeriesTest {

    private static final String CODE = "SERIES-1";
    private static final String SERIES = "/api/views/indicators/" + CODE + "/series?from=2011-12-Q1&to=2012-13-Q4";

    @Test
    void aSeriesWithItsProcessControlReading() throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(PinnedEvents.record("measures.indicator.defined.v2", "stroud:indicator:" + CODE, 1, e -> {
            e.put("code", CODE);
            ObjectNode d = e.with("definition");
            d.put("title", "Series of priority 81").put("priority", 81).put("geographyLevel", "district");
            d.with("targets").put("2012/13", 100);
        }));
        // a baseline year alternating 10 and 12 (mean 11, moving range 2: limits 5.68 and 16.32), then 11 a month
        // but for one month of 40
        YearMonth month = YearMonth.of(2011, 4);
        for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
            int value = i < 12 ? (i % 2 == 0 ? 10 : 12) : month.equals(YearMonth.of(2012, 6)) ? 40 : 11;
            records.add(ViewEvents.figure(CODE, month.toString(), value));
        }
        records.add(PinnedEvents.record(
                "measures.comparator.recorded.v2",
                "stroud:comparator:" + CODE + ":E07000082:2012-06",
                1,
                e -> e.put("indicatorCode", CODE)
                        .put("period", "2012-06")
                        .put("geography", "E07000082")
                        .put("average", 20)
                        .put("lower", 15)
                        .put("upper", 25)));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(records);
        }
        JsonPath series = await(
                SERIES,
                s -> s.getList("points.findAll { it.value != null }").size() == 24
                        && s.get("points.find { it.period == '2012-06' }.familyGroup") != null);
        assertEquals(24, series.getList("points").size());
        assertEquals("E07000082", series.getString("geography.code"));
        String june = "points.find { it.period == '2012-06' }";
        assertEquals(40, series.getInt(june + ".value"));
        assertEquals("2011-06", series.getString(june + ".lastYearPeriod"));
        assertEquals(10, series.getInt(june + ".lastYear"));
        assertEquals(100, series.getInt(june + ".target"));
        assertEquals(25, series.getInt(june + ".familyGroup.upper"));
        assertNull(series.get("points.find { it.period == '2011-06' }.target"), "no target for 2011/12");
        assertEquals("2011-04", series.getString("processControl.baselineFrom"));
        assertEquals("2012-03", series.getString("processControl.baselineTo"));
        assertEquals(12, series.getInt("processControl.baselinePoints"));
        assertEquals(0, new BigDecimal(11).compareTo(new BigDecimal(series.getString("processControl.mean"))));
        assertEquals(
                0, new BigDecimal("16.32").compareTo(new BigDecimal(series.getString("processControl.upperLimit"))));
        List<Map<String, Object>> flags = series.getList(june + ".flags");
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("beyond-limit", flags.getFirst().get("rule"));
        assertEquals("concern", flags.getFirst().get("variation"), "more incidents where fewer is better");
        assertTrue(flags.getFirst().get("explanation").toString().contains("upper process limit"));
        assertEquals(1, series.getInt("processControl.specialCauses"));

        // the quarterly view reads the same: the reading over the twelve quarters to the quarter, its special causes
        JsonPath quarter = await("/api/views/quarterly/2012-13-Q1", v -> true);
        String reading =
                "priorities.find { it.number == 81 }.indicators.find { it.code == '" + CODE + "' }.processControl";
        assertEquals("2011-04", quarter.getString(reading + ".limits.baselineFrom"));
        assertEquals(
                0,
                new BigDecimal("16.32").compareTo(new BigDecimal(quarter.getString(reading + ".limits.upperLimit"))));
        assertEquals(List.of("2012-06"), quarter.getList(reading + ".specialCauses.period"));
        assertEquals(List.of("beyond-limit"), quarter.getList(reading + ".specialCauses.rule"));

        // a stated baseline of six points: other limits, the same figures
        JsonPath six = await(SERIES + "&baseline=6", s -> true);
        assertEquals(6, six.getInt("processControl.baselinePoints"));
        assertEquals("2011-09", six.getString("processControl.baselineTo"));
    }

    @Test
    void whatASeriesCannotAnswerIsAProblemNamingTheParameter() {
        Map<String, String> bad = Map.of(
                "geography=E05099999", "geography",
                "geography=nowhere", "geography",
                "from=2013-14-Q1&to=2012-13-Q1", "from",
                "from=2001-02-Q1&to=2012-13-Q1", "from",
                "to=2012-13-Q9", "to",
                "baseline=1", "baseline",
                "baseline=twelve", "baseline");
        bad.forEach(
                (query, field) -> Api.get(Tokens.user("viewer"), "/api/views/indicators/" + CODE + "/series?" + query)
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", Matchers.equalTo(field)));
        Api.get(Tokens.user("viewer"), "/api/views/indicators/NO-SUCH-CODE/series")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** Waits until the series is there (a 404 while its indicator is not applied yet) and meets the condition. */
    private static JsonPath await(String path, java.util.function.Predicate<JsonPath> condition)
            throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var response = Api.get(Tokens.user("viewer"), path).extract();
            if (response.statusCode() == 200 && condition.test(response.jsonPath())) {
                return response.jsonPath();
            }
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404, response.asString());
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never met the condition");
    }
}
