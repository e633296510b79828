package org.csp.measures.comparator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.Comparators.Recording;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Columns;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;
import org.csp.measures.comparator.source.ExportRows.District;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.problem.FieldViolation;
import org.junit.jupiter.api.Test;

/** Reading an export through its mapping, with plain lists: every row recorded, or every problem named. */
class ExportRowsTest {

    private static final Mapping MAPPING = ComparatorSourceEventSchemaTest.IQUANTA;

    private static final String HEADER =
            "Area Name|Period|Crimes|Rate per 1,000|MSG Average|Lower Limit|Upper Limit|Rank" + "|Group Size";

    private static final District STROUD = new District("E07000082", "stroud");
    private static final District CHELTENHAM = new District("E07000078", "cheltenham");

    private static final Map<String, District> DISTRICTS =
            Map.of("e07000082", STROUD, "stroud", STROUD, "e07000078", CHELTENHAM, "cheltenham", CHELTENHAM);

    private static IndicatorRules rules(String code, String frequency, String polarity) {
        return IndicatorRules.of(
                code,
                new IndicatorDefinition(
                        code,
                        null,
                        null,
                        "count",
                        frequency,
                        "sum",
                        polarity,
                        List.of("gloucestershire-constabulary"),
                        "same-period-previous-year",
                        Map.of(),
                        BigDecimal.valueOf(5),
                        null,
                        false,
                        "district",
                        null));
    }

    private static final Map<String, IndicatorRules> CATALOGUE = Map.of(
            "RECORDED-CRIME",
            rules("RECORDED-CRIME", "monthly", "lower-is-better"),
            "HATE-CRIMES",
            rules("HATE-CRIMES", "quarterly", "increased-reporting-is-positive"));

    private static ExportRows.Context context(Set<String> permitted) {
        return new ExportRows.Context(
                DISTRICTS,
                permitted,
                Map.of("stroud", CATALOGUE, "cheltenham", CATALOGUE),
                LocalDate.of(2024, 12, 6),
                "iquanta",
                "safer-gloucestershire");
    }

    private static List<String[]> export(String... rows) {
        List<String[]> records = new java.util.ArrayList<>();
        records.add(HEADER.split("\\|", -1));
        Arrays.stream(rows).forEach(r -> records.add(r.split("\\|", -1)));
        return records;
    }

    private static ExportRows.Plan read(Set<String> permitted, String... rows) {
        return ExportRows.read(MAPPING, export(rows), context(permitted));
    }

    private static void assertRefused(ExportRows.Plan plan, FieldViolation... expected) {
        assertEquals(List.of(), plan.recordings(), "nothing to record");
        assertEquals(List.of(expected), plan.violations());
    }

    @Test
    void everyRowIsAComparatorOfTheDistrictItNames() {
        ExportRows.Plan plan = read(
                Set.of("stroud", "cheltenham"),
                "Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15",
                " CHELTENHAM |2024-07|1012|8.75|7.90|6.95|8.85||",
                "E07000082|2024-08|453||4.55|3.85|5.25|3|15");
        assertEquals(List.of(), plan.violations());
        assertEquals(
                List.of(
                        new Recording(
                                "stroud",
                                new RecordComparator(
                                        "RECORDED-CRIME",
                                        "2024-07",
                                        "E07000082",
                                        new BigDecimal("4.12"),
                                        new BigDecimal("4.60"),
                                        new BigDecimal("3.90"),
                                        new BigDecimal("5.30"),
                                        5,
                                        15,
                                        "iquanta",
                                        "safer-gloucestershire")),
                        new Recording(
                                "cheltenham",
                                new RecordComparator(
                                        "RECORDED-CRIME",
                                        "2024-07",
                                        "E07000078",
                                        new BigDecimal("8.75"),
                                        new BigDecimal("7.90"),
                                        new BigDecimal("6.95"),
                                        new BigDecimal("8.85"),
                                        null,
                                        null,
                                        "iquanta",
                                        "safer-gloucestershire")),
                        new Recording(
                                "stroud",
                                new RecordComparator(
                                        "RECORDED-CRIME",
                                        "2024-08",
                                        "E07000082",
                                        null,
                                        new BigDecimal("4.55"),
                                        new BigDecimal("3.85"),
                                        new BigDecimal("5.25"),
                                        3,
                                        15,
                                        "iquanta",
                                        "safer-gloucestershire"))),
                plan.recordings());
    }

    @Test
    void aMappedColumnTheHeaderLacksIsNamed() {
        List<String[]> records = export("Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15");
        records.set(0, HEADER.replace("Lower Limit", "Lower").split("\\|", -1));
        assertRefused(
                ExportRows.read(MAPPING, records, context(Set.of("stroud"))),
                new FieldViolation("Lower Limit", "is a mapped column the export's header does not have"));
    }

    @Test
    void anAreaThatIsNotADistrictOfTheCountyIsNamedWithItsRow() {
        assertRefused(
                read(Set.of("stroud"), "Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15", "Bristol|2024-07|1|4|4|3|5|1|15"),
                new FieldViolation(2, "Area Name", "'Bristol' is not a district of the county (its GSS code or name)"));
    }

    @Test
    void aCoordinatorImportsRowsOfTheirOwnDistrictOnly() {
        assertRefused(
                read(Set.of("stroud"), "Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15", "Cheltenham|2024-07|1|4|4|3|5||"),
                new FieldViolation(
                        2,
                        "Area Name",
                        "'Cheltenham' is partnership cheltenham's district; you may import rows of" + " stroud only"));
    }

    @Test
    void badFiguresPeriodsAndLimitsAreNamedByRowAndColumn() {
        ExportRows.Plan plan = read(
                Set.of("stroud"),
                "Stroud|2024-07|503|four|4.60|3.90|5.30|5|15",
                "Stroud|2024/25 Q2|503|4.12|4.60|3.90|5.30|5|15",
                "Stroud|2024-09|503|4.12|4.60|5.40|5.30|5|15",
                "Stroud|2024-10|503|4.12|4.60|3.90|5.30|16|15",
                "Stroud|2024-11|503|4.12||3.90|5.30|5|15",
                "Stroud|2025-01|503|4.12|4.60|3.90|5.30|5|15",
                "Stroud|2024-12|503|4.12|4.60|3.90|5.30|5|1.5");
        assertEquals(List.of(), plan.recordings());
        assertEquals(
                List.of(
                        new FieldViolation(1, "Rate per 1,000", "must be a number"),
                        new FieldViolation(2, "Period", "must be a month such as \"2024-08\""),
                        new FieldViolation(3, "Lower Limit", "must not be above Upper Limit"),
                        new FieldViolation(3, "MSG Average", "must lie between Lower Limit and Upper Limit"),
                        new FieldViolation(4, "Rank", "must not be above Group Size (15)"),
                        new FieldViolation(5, "MSG Average", "is required (a number)"),
                        new FieldViolation(6, "Period", "must not be in the future"),
                        new FieldViolation(7, "Group Size", "must be a whole number, at least 1 and at most 500")),
                plan.violations());
    }

    @Test
    void controlCharactersOverlongCellsShortRowsAndRepeatsAreRefused() {
        ExportRows.Plan plan = read(
                Set.of("stroud"),
                "Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15",
                "Stroud|2024-07|503|4.12|4.60|3.90|5.30|5|15",
                "Stroud\u0007|2024-08|503|4.12|4.60|3.90|5.30|5|15",
                "Stroud|2024-09|503|4.12|4.60|3.90|5.30|5",
                "Stroud|" + "2".repeat(1001) + "|503|4.12|4.60|3.90|5.30|5|15");
        assertEquals(List.of(), plan.recordings());
        List<FieldViolation> found = plan.violations();
        assertEquals(new FieldViolation(2, "row", "repeats row 1 (the same indicator, area and period)"), found.get(0));
        assertEquals(3, found.get(1).row());
        assertEquals("Area Name", found.get(1).field());
        assertTrue(
                found.get(1).message().startsWith("must not contain control characters"),
                found.get(1).message());
        assertEquals(new FieldViolation(4, "row", "has 8 fields; the header has 9"), found.get(2));
        assertEquals(new FieldViolation(5, "Period", "must be at most 1000 characters"), found.get(3));
        assertEquals(4, found.size(), found.toString());
    }

    @Test
    void anIndicatorThePartnershipDoesNotHaveIsNamed() {
        Mapping byColumn = new Mapping(
                "MaiDen (synthetic)",
                "maiden",
                null,
                new Columns(
                        "Measure",
                        "Area Name",
                        "Period",
                        "Rate per 1,000",
                        "MSG Average",
                        "Lower Limit",
                        "Upper Limit",
                        null,
                        null));
        List<String[]> records = List.of(
                "Measure|Area Name|Period|Rate per 1,000|MSG Average|Lower Limit|Upper Limit".split("\\|"),
                "HATE-CRIMES|Stroud|2024/25 Q1|0.31|0.33|0.26|0.40".split("\\|"),
                "NO-SUCH|Stroud|2024/25 Q1|0.31|0.33|0.26|0.40".split("\\|"),
                "|Stroud|2024/25 Q1|0.31|0.33|0.26|0.40".split("\\|"));
        assertRefused(
                ExportRows.read(byColumn, records, context(Set.of("stroud"))),
                new FieldViolation(2, "Measure", "'NO-SUCH' is not an indicator of partnership stroud"),
                new FieldViolation(3, "Measure", "is required"));
    }
}
