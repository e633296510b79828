package org.csp.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final FinancialQuarter Q2_2024 = new FinancialQuarter(2024, 2);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    /** Monthly counts: July–September of 2024/25 totalling {@code now}, of 2023/24 totalling {@code before}. */
    private static List<Reading> monthly(int now, int before) {
        List<Reading> readings = new ArrayList<>();
        addQuarter(readings, 2024, now);
        addQuarter(readings, 2023, before);
        // another quarter, which must not count
        readings.add(month(YearMonth.of(2024, 10), "police", 1000));
        return readings;
    }

    private static void addQuarter(List<Reading> readings, int year, int total) {
        readings.add(month(YearMonth.of(year, 7), "police", total - 2 * (total / 3)));
        readings.add(month(YearMonth.of(year, 8), "police", total / 3));
        readings.add(month(YearMonth.of(year, 9), "police", total / 3));
    }

    private static Reading month(YearMonth month, String source, int value) {
        return new Reading(month.toString(), month.atDay(1), source, BigDecimal.valueOf(value));
    }

    private static Assessment assess(Polarity polarity, Map<String, BigDecimal> targets, int now, int before) {
        return Assessment.assess(
                new Assessment.Basis(polarity, Aggregation.SUM, 12, FIVE, targets), Q2_2024, monthly(now, before));
    }

    @Test
    void lowerIsBetterReadsAFallAsImproving() {
        Assessment a = assess(Polarity.LOWER_IS_BETTER, Map.of(), 90, 120);
        assertEquals(new BigDecimal("90"), a.value());
        assertEquals(new BigDecimal("120"), a.sameTimeLastYear());
        assertEquals(new BigDecimal("-30"), a.change());
        assertEquals(new BigDecimal("-25.0"), a.changePercent());
        assertEquals(Trend.DOWN, a.trend());
        assertEquals(Direction.IMPROVING, a.direction());
        assertEquals(Rag.GREEN, a.rag());
        assertEquals(3, a.periodsReported());
        assertEquals("2023/24 Q2", a.comparisonPeriod());

        Assessment rise = assess(Polarity.LOWER_IS_BETTER, Map.of(), 150, 120);
        assertEquals(Direction.WORSENING, rise.direction());
        assertEquals(Rag.RED, rise.rag());
    }

    @Test
    void higherIsBetterReadsARiseAsImproving() {
        assertEquals(
                Direction.IMPROVING,
                assess(Polarity.HIGHER_IS_BETTER, Map.of(), 150, 120).direction());
        assertEquals(
                Rag.GREEN, assess(Polarity.HIGHER_IS_BETTER, Map.of(), 150, 120).rag());
        assertEquals(
                Direction.WORSENING,
                assess(Polarity.HIGHER_IS_BETTER, Map.of(), 90, 120).direction());
        assertEquals(
                Rag.RED, assess(Polarity.HIGHER_IS_BETTER, Map.of(), 90, 120).rag());
    }

    @Test
    void anIncreaseInReportingIsPositive() {
        Assessment more = assess(Polarity.INCREASED_REPORTING_IS_POSITIVE, Map.of(), 150, 120);
        assertEquals(Trend.UP, more.trend());
        assertEquals(Direction.IMPROVING, more.direction());
        assertEquals(Rag.GREEN, more.rag());
        assertEquals(
                Direction.WORSENING,
                assess(Polarity.INCREASED_REPORTING_IS_POSITIVE, Map.of(), 90, 120)
                        .direction());
    }

    @Test
    void monitorOnlyIsNeitherRatedNorGivenADirection() {
        Assessment a = assess(Polarity.MONITOR_ONLY, Map.of("2024/25", BigDecimal.TEN), 150, 120);
        assertEquals(Trend.UP, a.trend());
        assertEquals(new BigDecimal("30"), a.change());
        assertEquals(Direction.NOT_ASSESSED, a.direction());
        assertEquals(Rag.NOT_RATED, a.rag());
        assertNull(a.target());
    }

    @Test
    void aChangeWithinTheToleranceIsStableAndAmber() {
        Assessment a = assess(Polarity.LOWER_IS_BETTER, Map.of(), 123, 120);
        assertEquals(new BigDecimal("2.5"), a.changePercent());
        assertEquals(Direction.STABLE, a.direction());
        assertEquals(Rag.AMBER, a.rag());
    }

    @Test
    void aTargetDecidesTheRagAndASumsQuarterTakesAQuarterOfTheYearsTarget() {
        Map<String, BigDecimal> target = Map.of("2024/25", BigDecimal.valueOf(400)); // 100 a quarter
        assertEquals(
                new BigDecimal("100"),
                assess(Polarity.LOWER_IS_BETTER, target, 100, 90).target());
        // lower is better: at the target green although worse than last year, within 5 % amber, beyond red
        assertEquals(
                Rag.GREEN, assess(Polarity.LOWER_IS_BETTER, target, 100, 90).rag());
        assertEquals(
                Rag.AMBER, assess(Polarity.LOWER_IS_BETTER, target, 105, 90).rag());
        assertEquals(Rag.RED, assess(Polarity.LOWER_IS_BETTER, target, 106, 90).rag());
        // higher is better and more reporting: short of the target by more than 5 % is red
        assertEquals(Rag.RED, assess(Polarity.HIGHER_IS_BETTER, target, 94, 50).rag());
        assertEquals(
                Rag.AMBER,
                assess(Polarity.INCREASED_REPORTING_IS_POSITIVE, target, 96, 50).rag());
        assertEquals(
                Rag.GREEN,
                assess(Polarity.INCREASED_REPORTING_IS_POSITIVE, target, 101, 500)
                        .rag());
    }

    @Test
    void withoutLastYearThereIsNoDirectionAndWithoutATargetNoRag() {
        List<Reading> readings = new ArrayList<>();
        addQuarter(readings, 2024, 30);
        Assessment a = Assessment.assess(
                new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12, FIVE, Map.of()), Q2_2024, readings);
        assertEquals(new BigDecimal("30"), a.value());
        assertNull(a.sameTimeLastYear());
        assertEquals(Trend.NO_COMPARISON, a.trend());
        assertEquals(Direction.NOT_ASSESSED, a.direction());
        assertEquals(Rag.NOT_RATED, a.rag());
    }

    @Test
    void sourcesAddUpForASumAndAverageOtherwiseAndAnnualDataIsReadForTheQuartersYear() {
        List<Reading> two =
                List.of(month(YearMonth.of(2024, 7), "police", 10), month(YearMonth.of(2024, 7), "council", 4));
        assertEquals(new BigDecimal("14"), Aggregation.SUM.rollUp(two));
        assertEquals(new BigDecimal("7"), Aggregation.MEAN.rollUp(two));
        List<Reading> months = List.of(
                month(YearMonth.of(2024, 7), "a", 10),
                month(YearMonth.of(2024, 9), "a", 40),
                month(YearMonth.of(2024, 8), "a", 20));
        assertEquals(new BigDecimal("40"), Aggregation.LATEST.rollUp(months));
        assertEquals(new BigDecimal("23.33333333333333"), Aggregation.MEAN.rollUp(months));

        List<Reading> years = List.of(
                new Reading("2024/25", LocalDate.of(2024, 4, 1), "probation", new BigDecimal("24.1")),
                new Reading("2023/24", LocalDate.of(2023, 4, 1), "probation", new BigDecimal("26.0")));
        Assessment a = Assessment.assess(
                new Assessment.Basis(
                        Polarity.LOWER_IS_BETTER, Aggregation.LATEST, 1, FIVE, Map.of("2024/25", new BigDecimal("25"))),
                Q2_2024,
                years);
        assertEquals("2024/25", a.period());
        assertEquals("2023/24", a.comparisonPeriod());
        assertEquals(new BigDecimal("-1.9"), a.change());
        assertEquals(new BigDecimal("-7.3"), a.changePercent());
        assertEquals(Direction.IMPROVING, a.direction());
        assertEquals(new BigDecimal("25"), a.target());
        assertEquals(Rag.GREEN, a.rag());
    }
}
