package org.csp.gateway.quarterly;

import static org.csp.gateway.quarterly.QuarterlyViewSupport.assertAppliedOrIgnored;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.assertNoneParked;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitApplied;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitStatus;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitView;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.Polarity;
import org.csp.calendar.FinancialQuarter;
import org.csp.contracts.ApprovedJson;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * measures-service's events in the quarterly view (version 4 of the projection): indicators v2 and amended, revisions,
 * sources and assessments, and version 1 indicators still shown. These tests use quarters of 2016/17 and 2017/18 and
 * indicator codes of their own.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class MeasuresEventsTest {

    @Inject
    QuarterlyViewProjection projection;

    /** measures-service's types the view must know (each pinned by measures-service). */
    static final List<String> MEASURES_TYPES = List.of(
            "measures.indicator.defined.v1",
            "measures.indicator.defined.v2",
            "measures.indicator.amended.v1",
            "measures.indicator.defined.v3",
            "measures.indicator.amended.v2",
            "measures.measure.recorded.v1",
            "measures.measure.revised.v1",
            "measures.comparator.recorded.v1");

    private static final ObjectMapper EXACT =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String WARD = "E05010955";
    private static final String POLICE = "gloucestershire-constabulary";
    private static final String COUNCIL = "stroud-district-council";

    private static String newIndicatorCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A v2-shaped indicator event (defined.v2 or amended.v1): the pinned payload with this code, its definition changed. */
    private static ProducerRecord<String, byte[]> indicatorV2(
            String type, String code, long version, Consumer<ObjectNode> definition) {
        return PinnedEvents.record(type, "stroud:indicator:" + code, version, e -> {
            e.put("code", code);
            definition.accept((ObjectNode) e.get("definition"));
        });
    }

    /** A definition: unit, frequency, aggregation, polarity, tolerance 5 and these targets by financial year. */
    private static Consumer<ObjectNode> definition(
            String unit, String frequency, String aggregation, String polarity, Map<String, Integer> targets) {
        return d -> {
            d.put("unit", unit)
                    .put("frequency", frequency)
                    .put("aggregation", aggregation)
                    .put("polarity", polarity)
                    .put("tolerance", 5);
            ObjectNode t = d.putObject("targets");
            targets.forEach(t::put);
        };
    }

    /**
     * One source's figure: recorded.v1 at revision 1 (with an empty numerator and denominator, as measures-service now
     * writes them), revised.v1 above it; one stream per indicator, geography, period and source, as measures-service's.
     */
    private static ProducerRecord<String, byte[]> dataPoint(
            String code, String geography, String period, String source, int revision, String value) {
        String stream = "stroud:datapoint:" + code + ":" + geography + ":" + period + ":" + source;
        if (revision == 1) {
            return PinnedEvents.record(
                    "measures.measure.recorded.v1",
                    stream,
                    1,
                    e -> e.put("indicatorCode", code)
                            .put("geography", geography)
                            .put("period", period)
                            .put("source", source)
                            .put("value", new BigDecimal(value))
                            .put("revision", 1)
                            .put("status", "provisional")
                            .putNull("numerator")
                            .putNull("denominator"));
        }
        return PinnedEvents.record(
                "measures.measure.revised.v1",
                stream,
                revision,
                e -> e.put("indicatorCode", code)
                        .put("geography", geography)
                        .put("period", period)
                        .put("source", source)
                        .put("value", new BigDecimal(value))
                        .put("revision", revision)
                        .put("status", "final")
                        .put("previousValue", 0));
    }

    private static String measurePath(String code, String geography) {
        return "measures.find { it.indicator == '" + code + "' && it.geography == '" + geography + "' }";
    }

    /** A measure of the view as the API answers it, its numbers read exactly. */
    private static JsonNode measure(String quarter, String code, String geography) throws Exception {
        JsonNode view = EXACT.readTree(Api.get(Tokens.user("viewer"), "/api/views/quarterly/" + quarter)
                .statusCode(200)
                .extract()
                .asString());
        for (JsonNode m : view.get("measures")) {
            if (m.get("indicator").asText().equals(code)
                    && m.get("geography").asText().equals(geography)) {
                return m;
            }
        }
        fail(code + " in " + geography + " is not in the view of " + quarter + ": " + view.toPrettyString());
        return null;
    }

    private static void assertDecimal(BigDecimal expected, JsonNode actual, String field) {
        if (expected == null) {
            assertTrue(actual == null || actual.isNull(), field + " should be null: " + actual);
        } else {
            assertTrue(
                    actual != null && actual.isNumber() && expected.compareTo(actual.decimalValue()) == 0,
                    field + ": expected " + expected + ", was " + actual);
        }
    }

    /** The view's assessment is exactly what the shared rule says, with the enums as their codes. */
    private static void assertAssessment(Assessment expected, JsonNode actual) {
        assertNotNull(actual, "no assessment");
        assertEquals(expected.period(), actual.get("period").asText());
        assertDecimal(expected.value(), actual.get("value"), "value");
        assertEquals(expected.periodsReported(), actual.get("periodsReported").asInt());
        assertEquals(expected.periodsExpected(), actual.get("periodsExpected").asInt());
        assertEquals(expected.comparisonPeriod(), actual.get("comparisonPeriod").asText());
        assertDecimal(expected.sameTimeLastYear(), actual.get("sameTimeLastYear"), "sameTimeLastYear");
        assertDecimal(expected.change(), actual.get("change"), "change");
        assertDecimal(expected.changePercent(), actual.get("changePercent"), "changePercent");
        assertDecimal(expected.target(), actual.get("target"), "target");
        assertEquals(expected.rag().code(), actual.get("rag").asText());
        assertEquals(expected.direction().code(), actual.get("direction").asText());
        assertEquals(expected.trend().code(), actual.get("trend").asText());
    }

    @Test
    void measuresServicesNewEventsAreAppliedNotParked() throws Exception {
        long parkedBefore = awaitStatus(s -> true).getLong("[0].live.parkedCount");
        String code = newIndicatorCode();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2(
                    "measures.indicator.defined.v2",
                    code,
                    1,
                    definition("percentage", "monthly", "mean", "higher-is-better", Map.of())));
            events.publish(indicatorV2(
                    "measures.indicator.amended.v1",
                    code,
                    2,
                    definition("percentage", "monthly", "mean", "higher-is-better", Map.of("2017/18", 60))
                            .andThen(d -> d.put("title", "Amended title"))));
            events.publish(PinnedEvents.record(
                    "measures.measure.recorded.v1",
                    "stroud:datapoint:" + code + ":" + WARD + ":2018-01:" + POLICE,
                    1,
                    e -> e.put("indicatorCode", code)
                            .put("geography", WARD)
                            .put("period", "2018-01")
                            .put("source", POLICE)
                            .put("value", new BigDecimal("52.5"))
                            .put("numerator", 21)
                            .put("denominator", 40)));
            events.publish(dataPoint(code, WARD, "2018-01", POLICE, 2, "55.0"));
            events.publish(PinnedEvents.record(
                    "measures.comparator.recorded.v1",
                    "stroud:comparator:" + code + ":" + WARD + ":2017/18 Q4",
                    1,
                    e -> e.put("indicatorCode", code).put("geography", WARD).put("period", "2017/18 Q4")));
        }
        JsonPath view = awaitView(
                "/api/views/quarterly/2017-18-Q4",
                v -> "Amended title".equals(v.get(measurePath(code, WARD) + ".title"))
                        && Integer.valueOf(2).equals(v.get(measurePath(code, WARD) + ".periods[0].revision")));
        assertEquals("higher-is-better", view.getString(measurePath(code, WARD) + ".polarity"));
        assertEquals(POLICE, view.getString(measurePath(code, WARD) + ".periods[0].source"));
        assertNull(view.get(measurePath(code, WARD) + ".total"), "a mean does not add up");
        JsonPath status = awaitApplied("measures.events");
        assertNoneParked(parkedBefore, status, MEASURES_TYPES);
    }

    @Test
    void everyEventTypeMeasuresServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = new ArrayList<>(MEASURES_TYPES);
        types.addAll(MeasuresEventTypes.ALL);
        for (String type : types) {
            assertAppliedOrIgnored(projection, type);
            assertTrue(ApprovedJson.exists(type), type + " is not pinned by measures-service");
        }
    }

    /**
     * A data point is one source's figure: a revision replaces that source's value (and an old revision published
     * again changes nothing), a second source for the same period adds to a sum-indicator's total.
     */
    @Test
    void aRevisionReplacesAValueAndASecondSourceAddsToTheTotal() throws Exception {
        String code = newIndicatorCode();
        String quarter = "/api/views/quarterly/2017-18-Q3";
        ProducerRecord<String, byte[]> first = dataPoint(code, WARD, "2017-10", POLICE, 1, "10");
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2(
                    "measures.indicator.defined.v2",
                    code,
                    1,
                    definition("count", "monthly", "sum", "lower-is-better", Map.of())));
            events.publish(first);
            events.publish(dataPoint(code, WARD, "2017-10", COUNCIL, 1, "5"));
            events.publish(dataPoint(code, WARD, "2017-11", POLICE, 1, "20"));
        }
        JsonPath both = awaitView(quarter, v -> Integer.valueOf(35).equals(v.get(measurePath(code, WARD) + ".total")));
        assertEquals(
                List.of("2017-10", "2017-10", "2017-11"), both.getList(measurePath(code, WARD) + ".periods.period"));
        assertEquals(
                List.of(POLICE, COUNCIL, POLICE).stream().sorted().toList(),
                both.getList(measurePath(code, WARD) + ".periods.source", String.class).stream()
                        .sorted()
                        .toList());

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(dataPoint(code, WARD, "2017-10", POLICE, 2, "12"));
        }
        awaitView(quarter, v -> Integer.valueOf(37).equals(v.get(measurePath(code, WARD) + ".total")));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(first); // republished by a relay after a crash
        }
        awaitApplied("measures.events");
        JsonNode revised = measure("2017-18-Q3", code, WARD);
        assertDecimal(new BigDecimal(37), revised.get("total"), "total");
        assertEquals(3, revised.get("periods").size());
        for (JsonNode period : revised.get("periods")) {
            if (period.get("period").asText().equals("2017-10")
                    && period.get("source").asText().equals(POLICE)) {
                assertDecimal(new BigDecimal(12), period.get("value"), "the revised value");
                assertEquals(2, period.get("revision").asInt());
                assertEquals("final", period.get("status").asText());
            }
        }
    }

    /**
     * The view's assessment is the shared rule's ({@link Assessment#assess}) over every source's figures of the quarter
     * and of the same quarter a year earlier: a monthly sum without a target (lower is better, 90 against 120:
     * improving, green), a quarterly mean of two sources against a target (77 against 80 within the tolerance: amber)
     * and an annual figure (the financial year against the one before). Only the quarter's own figures are listed.
     */
    @Test
    void theAssessmentIsTheSharedRulesOverThisQuarterAndTheSameQuarterLastYear() throws Exception {
        String monthly = newIndicatorCode();
        String quarterly = newIndicatorCode();
        String annual = newIndicatorCode();
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q2").orElseThrow();
        List<String[]> monthlyPoints = List.of(
                new String[] {"2017-07", POLICE, "20"},
                new String[] {"2017-07", COUNCIL, "10"},
                new String[] {"2017-08", POLICE, "30"},
                new String[] {"2017-09", POLICE, "30"},
                new String[] {"2016-07", POLICE, "40"},
                new String[] {"2016-08", POLICE, "40"},
                new String[] {"2016-09", POLICE, "40"},
                new String[] {"2016-10", POLICE, "999"},
                new String[] {"2017-10", POLICE, "999"}); // neither quarter
        List<String[]> quarterlyPoints = List.of(
                new String[] {"2017/18 Q2", POLICE, "76"},
                new String[] {"2017/18 Q2", COUNCIL, "78"},
                new String[] {"2016/17 Q2", POLICE, "70"});
        List<String[]> annualPoints =
                List.of(new String[] {"2017/18", POLICE, "500"}, new String[] {"2016/17", POLICE, "510"});
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2(
                    "measures.indicator.defined.v2",
                    monthly,
                    1,
                    definition("count", "monthly", "sum", "lower-is-better", Map.of())));
            events.publish(indicatorV2(
                    "measures.indicator.defined.v2",
                    quarterly,
                    1,
                    definition(
                            "percentage",
                            "quarterly",
                            "mean",
                            "higher-is-better",
                            Map.of("2017/18", 80, "2016/17", 65))));
            events.publish(indicatorV2(
                    "measures.indicator.defined.v2",
                    annual,
                    1,
                    definition("count", "annual", "sum", "lower-is-better", Map.of())));
            for (String[] p : monthlyPoints) {
                events.publish(dataPoint(monthly, WARD, p[0], p[1], 1, p[2]));
            }
            for (String[] p : quarterlyPoints) {
                events.publish(dataPoint(quarterly, WARD, p[0], p[1], 1, p[2]));
            }
            for (String[] p : annualPoints) {
                events.publish(dataPoint(annual, WARD, p[0], p[1], 1, p[2]));
            }
        }
        awaitView(
                "/api/views/quarterly/2017-18-Q2",
                v -> Integer.valueOf(120).equals(v.get(measurePath(monthly, WARD) + ".assessment.sameTimeLastYear"))
                        && Integer.valueOf(90).equals(v.get(measurePath(monthly, WARD) + ".assessment.value"))
                        && Integer.valueOf(70)
                                .equals(v.get(measurePath(quarterly, WARD) + ".assessment.sameTimeLastYear"))
                        && Integer.valueOf(77).equals(v.get(measurePath(quarterly, WARD) + ".assessment.value"))
                        && Integer.valueOf(510)
                                .equals(v.get(measurePath(annual, WARD) + ".assessment.sameTimeLastYear")));

        Assessment expectedMonthly = Assessment.assess(
                new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12, BigDecimal.valueOf(5), Map.of()),
                q,
                monthlyPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode m = measure("2017-18-Q2", monthly, WARD);
        assertAssessment(expectedMonthly, m.get("assessment"));
        assertEquals("improving", m.at("/assessment/direction").asText());
        assertEquals("green", m.at("/assessment/rag").asText());
        assertEquals("down", m.at("/assessment/trend").asText());
        assertDecimal(new BigDecimal("-25.0"), m.at("/assessment/changePercent"), "changePercent");
        assertEquals(4, m.get("periods").size(), "only the quarter's own figures are listed: " + m);
        assertDecimal(new BigDecimal(90), m.get("total"), "total");

        Assessment expectedQuarterly = Assessment.assess(
                new Assessment.Basis(
                        Polarity.HIGHER_IS_BETTER,
                        Aggregation.MEAN,
                        4,
                        BigDecimal.valueOf(5),
                        Map.of("2017/18", BigDecimal.valueOf(80), "2016/17", BigDecimal.valueOf(65))),
                q,
                quarterlyPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode qm = measure("2017-18-Q2", quarterly, WARD);
        assertAssessment(expectedQuarterly, qm.get("assessment"));
        assertEquals("amber", qm.at("/assessment/rag").asText(), "77 is short of 80 by less than 5 %");
        assertEquals("improving", qm.at("/assessment/direction").asText());
        assertEquals(2, qm.get("periods").size());

        Assessment expectedAnnual = Assessment.assess(
                new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 1, BigDecimal.valueOf(5), Map.of()),
                q,
                annualPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode am = measure("2017-18-Q2", annual, WARD);
        assertAssessment(expectedAnnual, am.get("assessment"));
        assertEquals("2017/18", am.at("/assessment/period").asText());
        assertEquals("stable", am.at("/assessment/direction").asText());
        assertEquals(
                "2017/18", am.at("/periods/0/period").asText(), "an annual figure shows in each quarter of its year");
        assertEquals(1, am.get("periods").size());
        assertEquals(
                "2017/18",
                measure("2017-18-Q4", annual, WARD).at("/periods/0/period").asText());
    }

    /**
     * measures.indicator.defined.v1 goes on being applied, with measures-service's defaults (a sum for counts, 5 %,
     * no targets); a legacy definition without a polarity shows its data points but no assessment.
     */
    @Test
    void aVersionOneIndicatorStillShows() throws Exception {
        String code = newIndicatorCode();
        String unrated = newIndicatorCode();
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q1").orElseThrow();
        List<String[]> points = List.of(
                new String[] {"2017-04", POLICE, "10"},
                new String[] {"2017-05", POLICE, "10"},
                new String[] {"2017-06", POLICE, "10"},
                new String[] {"2016-04", POLICE, "20"},
                new String[] {"2016-05", POLICE, "20"},
                new String[] {"2016-06", POLICE, "20"});
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record(
                    "measures.indicator.defined.v1",
                    "stroud:indicator:" + code,
                    1,
                    e -> e.put("code", code).put("title", "A version 1 indicator")));
            events.publish(PinnedEvents.record(
                    "measures.indicator.defined.v1",
                    "stroud:indicator:" + unrated,
                    1,
                    e -> e.put("code", unrated).put("title", "No polarity").remove("polarity")));
            for (String[] p : points) {
                events.publish(dataPoint(code, WARD, p[0], p[1], 1, p[2]));
                events.publish(dataPoint(unrated, WARD, p[0], p[1], 1, p[2]));
            }
        }
        awaitView(
                "/api/views/quarterly/2017-18-Q1",
                v -> Integer.valueOf(60).equals(v.get(measurePath(code, WARD) + ".assessment.sameTimeLastYear"))
                        && Integer.valueOf(30).equals(v.get(measurePath(code, WARD) + ".assessment.value"))
                        && Integer.valueOf(30).equals(v.get(measurePath(unrated, WARD) + ".total"))
                        && "No polarity".equals(v.get(measurePath(unrated, WARD) + ".title")));
        JsonNode m = measure("2017-18-Q1", code, WARD);
        assertEquals("A version 1 indicator", m.get("title").asText());
        assertEquals("count", m.get("unit").asText());
        assertEquals("lower-is-better", m.get("polarity").asText());
        assertDecimal(new BigDecimal(30), m.get("total"), "a v1 count adds up");
        assertAssessment(
                Assessment.assess(
                        new Assessment.Basis(
                                Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12, BigDecimal.valueOf(5), Map.of()),
                        q,
                        points.stream().map(p -> reading(p[0], p[1], p[2])).toList()),
                m.get("assessment"));
        assertEquals("green", m.at("/assessment/rag").asText());

        JsonNode none = measure("2017-18-Q1", unrated, WARD);
        assertTrue(none.get("assessment").isNull(), "no polarity, no assessment: " + none);
        assertEquals(3, none.get("periods").size());
    }
}
