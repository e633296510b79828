package org.csp.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.csp.assessment.ProcessControl.Flag;
import org.csp.assessment.ProcessControl.Point;
import org.csp.assessment.ProcessControl.Rule;
import org.csp.assessment.ProcessControl.Variation;
import org.junit.jupiter.api.Test;

class ProcessControlTest {

    /** Ten points alternating 12, 10 …: mean 11, mean moving range 2, limits 11 ± 5.32 (5.68 to 16.32). */
    private static final List<String> ALTERNATING = List.of("12", "10", "12", "10", "12", "10", "12", "10", "12", "10");

    private static List<Point> series(List<String> values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new Point("P" + i, new BigDecimal(values.get(i))));
        }
        return points;
    }

    private static List<Point> after(List<String> baseline, String... more) {
        List<String> values = new ArrayList<>(baseline);
        values.addAll(List.of(more));
        return series(values);
    }

    private static List<Integer> flagged(ProcessControl reading, Rule rule) {
        return reading.flags().stream()
                .filter(f -> f.rule() == rule)
                .map(Flag::index)
                .toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void theLimitsAreTheBaselinesMeanPlusAndMinus266MeanMovingRanges() {
        ProcessControl reading =
                ProcessControl.read(Polarity.LOWER_IS_BETTER, series(List.of("10", "12", "11", "13", "12", "40")), 5);

        // 58 / 5; moving ranges 2, 1, 2, 1; 11.6 ± 2.66 × 1.5; the sixth point is not in the baseline
        assertEquals(0, new BigDecimal("11.6").compareTo(reading.mean()));
        assertEquals(0, new BigDecimal("1.5").compareTo(reading.meanMovingRange()));
        assertEquals(0, new BigDecimal("7.61").compareTo(reading.lowerLimit()));
        assertEquals(0, new BigDecimal("15.59").compareTo(reading.upperLimit()));
        assertEquals(5, reading.baselineTo());
        assertEquals(List.of(new Flag(5, "P5", Rule.BEYOND_LIMIT, true, Variation.CONCERN)), reading.flags());
    }

    @Test
    void aPointBelowTheLowerLimitIsAnImprovementWhereLowerIsBetter() {
        ProcessControl reading = ProcessControl.read(Polarity.LOWER_IS_BETTER, after(ALTERNATING, "5"), 10);

        assertEquals(List.of(new Flag(10, "P10", Rule.BEYOND_LIMIT, false, Variation.IMPROVEMENT)), reading.flags());
    }

    @Test
    void sevenPointsOnOneSideOfTheMeanAreARunAndSixAreNot() {
        List<String> lowLast = List.of("12", "10", "12", "10", "12", "10");
        ProcessControl seven = ProcessControl.read(
                Polarity.HIGHER_IS_BETTER, after(lowLast, "11.5", "11.5", "11.5", "11.5", "11.5", "11.5", "11.5"), 6);
        ProcessControl six = ProcessControl.read(
                Polarity.HIGHER_IS_BETTER, after(lowLast, "11.5", "11.5", "11.5", "11.5", "11.5", "11.5"), 6);

        assertEquals(range(6, 13), flagged(seven, Rule.RUN));
        seven.flags().forEach(f -> assertEquals(Variation.IMPROVEMENT, f.variation(), f.toString()));
        assertEquals(List.of(), six.flags());
    }

    @Test
    void sixPointsEachHigherThanTheLastAreATrendAndFiveAreNot() {
        ProcessControl six = ProcessControl.read(
                Polarity.LOWER_IS_BETTER, after(ALTERNATING, "9", "9.5", "10", "10.5", "11", "11.5"), 10);
        ProcessControl five =
                ProcessControl.read(Polarity.LOWER_IS_BETTER, after(ALTERNATING, "9", "9.5", "10", "10.5", "11"), 10);

        // the fall from 10 to 9 is not part of it: the trend starts at 9
        assertEquals(range(10, 16), flagged(six, Rule.TREND));
        assertEquals(List.of(), flagged(six, Rule.RUN));
        six.flags().forEach(f -> assertEquals(Variation.CONCERN, f.variation(), f.toString()));
        assertEquals(List.of(), five.flags());
    }

    @Test
    void twoOfThreePointsBeyondTwoThirdsOfTheWayToALimitAreFlaggedBoth() {
        // two-thirds of the way to the upper limit: 11 + 2/3 × 5.32 = 14.55
        ProcessControl two = ProcessControl.read(Polarity.LOWER_IS_BETTER, after(ALTERNATING, "15", "11", "15"), 10);
        ProcessControl apart =
                ProcessControl.read(Polarity.LOWER_IS_BETTER, after(ALTERNATING, "15", "11", "11", "15"), 10);

        assertEquals(List.of(10, 12), flagged(two, Rule.TWO_OF_THREE));
        assertEquals(List.of(), flagged(two, Rule.BEYOND_LIMIT));
        assertEquals(List.of(), apart.flags());
    }

    @Test
    void aMonitorOnlyIndicatorsSpecialCausesAreNeitherImprovementNorConcern() {
        ProcessControl reading = ProcessControl.read(Polarity.MONITOR_ONLY, after(ALTERNATING, "30"), 10);

        assertEquals(List.of(new Flag(10, "P10", Rule.BEYOND_LIMIT, true, Variation.NEITHER)), reading.flags());
    }

    @Test
    void aBaselineLongerThanTheSeriesIsTheWholeSeriesAndOneOfOnePointIsRefused() {
        assertEquals(
                10,
                ProcessControl.read(Polarity.LOWER_IS_BETTER, series(ALTERNATING), 24)
                        .baselineTo());
        assertThrows(
                IllegalArgumentException.class,
                () -> ProcessControl.read(Polarity.LOWER_IS_BETTER, series(List.of("4")), 20));
    }
}
