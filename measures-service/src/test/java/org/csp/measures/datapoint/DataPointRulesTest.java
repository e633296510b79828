package org.csp.measures.datapoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one validation of a figure, field by field, as JSON rows and CSV rows reach it. */
class DataPointRulesTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Geographies PLACES =
            new Geographies(JSON, "geography/gloucestershire.json", PartnershipRegistry.load());
    private static final String STROUD_WARD = "E05013187"; // Amberley and Woodchester

    private static IndicatorRules rules(
            String code, String unit, String frequency, String level, String derived, String... sources) {
        return IndicatorRules.of(
                code,
                new IndicatorDefinition(
                        code,
                        null,
                        1,
                        unit,
                        frequency,
                        "count".equals(unit) ? "sum" : "mean",
                        "lower-is-better",
                        List.of(sources),
                        "same-period-previous-year",
                        Map.of(),
                        BigDecimal.valueOf(5),
                        null,
                        false,
                        level,
                        derived));
    }

    private static final Map<String, IndicatorRules> STROUD = Map.of(
            "ASB-INCIDENTS",
                    rules(
                            "ASB-INCIDENTS",
                            "count",
                            "monthly",
                            "ward",
                            null,
                            "gloucestershire-constabulary",
                            "stroud-district-council"),
            "REOFFENDING-RATE",
                    rules("REOFFENDING-RATE", "percentage", "annual", "district", null, "probation-service"),
            "HATE-CRIMES", rules("HATE-CRIMES", "count", "quarterly", "district", null, "gloucestershire-constabulary"),
            "COMMUNITY-WORKSHOPS",
                    rules(
                            "COMMUNITY-WORKSHOPS",
                            "count",
                            "quarterly",
                            "district",
                            "workshops",
                            "stroud-district-council"));

    private static DataPointRules.Context coordinator(String partnership) {
        return new DataPointRules.Context(
                PLACES, Map.of("stroud", STROUD), partnership, null, LocalDate.of(2026, 11, 24));
    }

    /** The violations of one JSON row, for the coordinator of Stroud. */
    private static List<FieldViolation> json(String row) {
        List<Validation> problems = new ArrayList<>();
        List<RowInput> rows = JsonRows.batch(tree("[" + row + "]"), problems);
        for (int i = 0; i < rows.size(); i++) {
            DataPointRules.check(rows.get(i), problems.get(i), coordinator("stroud"));
        }
        return problems.stream().flatMap(v -> v.violations().stream()).toList();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertRefused(String row, String field, String message) {
        List<FieldViolation> violations = json(row);
        assertTrue(
                violations.stream()
                        .anyMatch(v -> v.field().equals(field) && v.message().contains(message)),
                () -> "expected " + field + " '" + message + "' in " + violations);
        assertTrue(
                violations.stream().allMatch(v -> Integer.valueOf(1).equals(v.row())), "every violation names its row");
    }

    @Test
    void aGoodRowIsASubmissionOfItsPartnership() {
        List<Validation> problems = new ArrayList<>();
        RowInput row =
                JsonRows.batch(tree("""
                [{"indicator":"ASB-INCIDENTS","period":"2024-05","geography":"%s","value":12,"source":"stroud-district-council"}]""".formatted(STROUD_WARD)), problems).getFirst();
        Submission s = DataPointRules.check(row, problems.getFirst(), coordinator("stroud"));
        assertNotNull(s, () -> problems.getFirst().violations().toString());
        assertEquals("stroud", s.partnershipId());
        assertEquals(DataStatus.PROVISIONAL, s.status());
        assertEquals(new BigDecimal("12"), s.value());
    }

    @Test
    void wrongTypesAreRefusedNeverCoerced() {
        assertRefused("""
                {"indicator":"ASB-INCIDENTS","period":"2024-05","geography":"E07000082","value":"12","source":"stroud-district-council"}""", "value", "must be a number, not text");
        assertRefused("""
                {"indicator":7,"period":"2024-05","geography":"E07000082","value":12}""", "indicator", "must be text");
        assertRefused("""
                {"indicator":"ASB-INCIDENTS","period":"2024-05","geography":"E07000082","value":12,"colour":"red"}""", "colour", "is not a field");
        assertRefused("""
                {"indicator":"ASB-INCIDENTS","period":["2024-05"],"geography":"E07000082","value":12}""", "period", "must be text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"indicator":"NOPE","period":"2024-05","geography":"E07000082","value":1} | indicator | is not an indicator
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E05999999","value":1} | geography | not a geography
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E10000013","value":1} | geography | whole county
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":1,"status":"draft"} | status | provisional or final
            {"indicator":"ASB-INCIDENTS","period":"2024-05","geography":"E07000082","value":1,"source":"acme-ltd"} | source | not a source
            {"indicator":"ASB-INCIDENTS","period":"2024-05","geography":"E07000082","value":1} | source | several sources
            # a Cheltenham ward is not Stroud's, and the coordinator of Stroud posts for Stroud
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E05004288","value":1} | geography | cheltenham
            """)
    void unknownCodesGeographiesAndOrganisationsAreRefused(String row, String field, String message) {
        assertRefused(row, field, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00", "2024/26", "2024/25 Q5", "1999/00", "May 2024"})
    void periodsMustExist(String impossible) {
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"%s","geography":"E07000082","value":1}""".formatted(impossible), "period", "must be");
    }

    @Test
    void periodsMustSuitTheFrequencyAndHaveStarted() {
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"2024-05","geography":"E07000082","value":1}""", "period", "financial quarter");
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25 Q1","geography":"E07000082","value":1}""", "period", "financial year");
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"2027/28 Q1","geography":"E07000082","value":1}""", "period", "future");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":-1} | value | negative
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":1.5} | value | whole number
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":1e309} | value | at most
            {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082"} | value | is required
            {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","value":100.5} | value | between 0 and 100
            """)
    void valuesMustBeValuesOfTheUnit(String row, String field, String message) {
        assertRefused(row, field, message);
    }

    @Test
    void aRatioIsItsNumeratorOverItsDenominator() {
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","numerator":12,"denominator":10}""", "numerator", "above the denominator");
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","numerator":12}""", "denominator", "is required");
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","numerator":1,"denominator":0}""", "denominator", "zero");
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","value":30,"numerator":241,"denominator":1000}""", "value", "does not equal");
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","numerator":1,"denominator":2}""", "numerator", "a count");
        List<Validation> problems = new ArrayList<>();
        RowInput row = JsonRows.batch(tree("""
                [{"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"E07000082","numerator":241,"denominator":1000}]"""), problems).getFirst();
        assertEquals(
                new BigDecimal("24.10"),
                DataPointRules.check(row, problems.getFirst(), coordinator("stroud"))
                        .value());
    }

    @Test
    void levelsDerivationAndReasonsAreChecked() {
        assertRefused("""
                {"indicator":"REOFFENDING-RATE","period":"2024/25","geography":"%s","value":20}""".formatted(STROUD_WARD), "geography", "is a ward");
        assertRefused("""
                {"indicator":"COMMUNITY-WORKSHOPS","period":"2024/25 Q1","geography":"E07000082","value":3}""", "indicator", "derived");
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":3,"reason":"ask jo@example.org"}""", "reason", "personal data");
        assertRefused("""
                {"indicator":"HATE-CRIMES","period":"2024/25 Q1","geography":"E07000082","value":3,"reason":"bad\\u0000"}""", "reason", "control characters");
    }

    @Test
    void csvRowsGoThroughTheSameRules() {
        byte[] csv = ("\uFEFFindicator,period,geography,value,reason\r\n"
                        + "HATE-CRIMES,2024/25 Q1,E07000082,4,\"first, and quoted\"\r\n"
                        + "HATE-CRIMES,2024/25 Q2,E07000082,NaN,\r\n"
                        + "HATE-CRIMES,2024/25 Q3,E07000082,Infinity,\r\n"
                        + "HATE-CRIMES,2024/25 Q4,E07000082\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Validation> problems = new ArrayList<>();
        List<RowInput> rows = CsvRows.batch(csv, problems);
        assertEquals(4, rows.size());
        assertEquals("first, and quoted", rows.getFirst().reason());
        for (int i = 0; i < rows.size(); i++) {
            DataPointRules.check(rows.get(i), problems.get(i), coordinator("stroud"));
        }
        List<FieldViolation> all =
                problems.stream().flatMap(v -> v.violations().stream()).toList();
        assertTrue(all.stream().noneMatch(v -> v.row() == 1), all::toString);
        assertTrue(violated(all, 2, "value", "must be a number"::equals), all::toString);
        assertTrue(violated(all, 3, "value", message -> true), all::toString);
        assertTrue(violated(all, 4, "row", message -> message.contains("fields")), all::toString);
    }

    /** One of {@code all} names {@code row} and {@code field}, with a message that passes {@code message}. */
    private static boolean violated(List<FieldViolation> all, int row, String field, Predicate<String> message) {
        return all.stream().anyMatch(v -> v.row() == row && v.field().equals(field) && message.test(v.message()));
    }

    @Test
    void malformedCsvIsA400() {
        for (String bad : List.of(
                "indicator,period,geography,value\nHATE-CRIMES,\"2024/25 Q1,E07000082,4\n",
                "indicator,period,colour,value\nHATE-CRIMES,2024/25 Q1,red,4\n",
                "indicator,indicator,period,geography,value\n",
                "period,geography,value\n2024/25 Q1,E07000082,4\n")) {
            ProblemException e = assertThrows(
                    ProblemException.class,
                    () -> CsvRows.batch(bad.getBytes(StandardCharsets.UTF_8), new ArrayList<>()));
            assertEquals(400, e.status());
        }
        ProblemException notUtf8 = assertThrows(
                ProblemException.class,
                () -> CsvRows.batch(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28}, new ArrayList<>()));
        assertEquals(400, notUtf8.status());
    }
}
