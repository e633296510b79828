package org.csp.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.csp.codes.Coded;

/**
 * A statistical-process-control reading of an indicator's series in the NHS "Making Data Count" style: an XmR chart.
 * Over a stated baseline window (the first {@code baseline} points), the mean and the mean moving range (the mean of
 * the differences between consecutive points); the natural process limits are the mean ± 2.66 × the mean moving range.
 * Every point of the series is then read against them, and each special cause is flagged with the rule that found it:
 * <ul>
 *   <li>{@link Rule#BEYOND_LIMIT}: a point above the upper or below the lower limit;
 *   <li>{@link Rule#RUN}: seven or more consecutive points on one side of the mean (every point of the run);
 *   <li>{@link Rule#TREND}: six or more consecutive points each higher (or each lower) than the one before;
 *   <li>{@link Rule#TWO_OF_THREE}: two of three consecutive points beyond two-thirds of the way from the mean to a
 *       limit, on the same side (the two points).
 * </ul>
 * Each flag reads through the indicator's polarity: {@link Variation#IMPROVEMENT} or {@link Variation#CONCERN}, or
 * {@link Variation#NEITHER} for a monitor-only indicator. The limits are not cut at zero: a lower limit below zero only
 * says that no low count is unusual. Pure: the same series gives the same reading.
 */
public record ProcessControl(
        int baselineFrom,
        int baselineTo,
        BigDecimal mean,
        BigDecimal meanMovingRange,
        BigDecimal lowerLimit,
        BigDecimal upperLimit,
        List<Flag> flags) {

    /** The XmR constant: 3 ÷ d2, d2 = 1.128 for moving ranges of two points. */
    static final BigDecimal LIMITS = new BigDecimal("2.66");

    /** Consecutive points on one side of the mean that make a run. */
    public static final int RUN = 7;

    /** Consecutive rising (or falling) points that make a trend. */
    public static final int TREND = 6;

    /** The fewest points a baseline may have: one moving range needs two. */
    public static final int MIN_BASELINE = 2;

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal TWO_THIRDS = new BigDecimal(2).divide(new BigDecimal(3), PRECISION);

    /** Which rule found a special cause. */
    public enum Rule implements Coded {
        BEYOND_LIMIT,
        RUN,
        TREND,
        TWO_OF_THREE
    }

    /** A special cause read through the polarity. */
    public enum Variation implements Coded {
        IMPROVEMENT,
        CONCERN,
        NEITHER
    }

    /** One point of the series: its period's label and its value. */
    public record Point(String period, BigDecimal value) {}

    /**
     * A special cause at one point: its index in the series, its period, the rule, whether it is high (above the mean,
     * or rising) or low, and what that means for the indicator.
     */
    public record Flag(int index, String period, Rule rule, boolean high, Variation variation) {}

    /**
     * The reading of {@code points} (in period order) with the first {@code baseline} of them as the baseline; a
     * baseline longer than the series is the whole series.
     *
     * @throws IllegalArgumentException when the baseline has fewer than {@link #MIN_BASELINE} points
     */
    public static ProcessControl read(Polarity polarity, List<Point> points, int baseline) {
        int to = Math.min(baseline, points.size());
        if (to < MIN_BASELINE) {
            throw new IllegalArgumentException(
                    "a baseline needs at least " + MIN_BASELINE + " points; it has " + Math.max(to, 0));
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal ranges = BigDecimal.ZERO;
        for (int i = 0; i < to; i++) {
            sum = sum.add(points.get(i).value());
            if (i > 0) {
                ranges = ranges.add(points.get(i)
                        .value()
                        .subtract(points.get(i - 1).value())
                        .abs());
            }
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(to), PRECISION);
        BigDecimal movingRange = ranges.divide(BigDecimal.valueOf(to - 1), PRECISION);
        BigDecimal spread = LIMITS.multiply(movingRange, PRECISION);
        BigDecimal lower = mean.subtract(spread, PRECISION);
        BigDecimal upper = mean.add(spread, PRECISION);

        List<Flag> flags = new ArrayList<>();
        List<BigDecimal> values = points.stream().map(Point::value).toList();
        beyondLimits(values, lower, upper, (i, high) -> flags.add(flag(polarity, points, i, Rule.BEYOND_LIMIT, high)));
        runs(values, mean, (i, high) -> flags.add(flag(polarity, points, i, Rule.RUN, high)));
        trends(values, (i, high) -> flags.add(flag(polarity, points, i, Rule.TREND, high)));
        twoOfThree(
                values, mean, lower, upper, (i, high) -> flags.add(flag(polarity, points, i, Rule.TWO_OF_THREE, high)));
        flags.sort(Comparator.comparingInt(Flag::index).thenComparing(Flag::rule));
        return new ProcessControl(
                0,
                to,
                Aggregation.canonical(mean),
                Aggregation.canonical(movingRange),
                Aggregation.canonical(lower),
                Aggregation.canonical(upper),
                List.copyOf(flags));
    }

    /** Where a rule found a special cause: the point's index and whether it is high. */
    private interface Found {
        void at(int index, boolean high);
    }

    private static void beyondLimits(List<BigDecimal> values, BigDecimal lower, BigDecimal upper, Found found) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).compareTo(upper) > 0) {
                found.at(i, true);
            } else if (values.get(i).compareTo(lower) < 0) {
                found.at(i, false);
            }
        }
    }

    /** Every point of each stretch of {@link #RUN} or more on one side of the mean (a point on the mean ends one). */
    private static void runs(List<BigDecimal> values, BigDecimal mean, Found found) {
        stretches(values.size(), i -> Integer.signum(values.get(i).compareTo(mean)), RUN, found);
    }

    /** Every point of each stretch of {@link #TREND} or more, each higher (or lower) than the one before. */
    private static void trends(List<BigDecimal> values, Found found) {
        // the direction of the step into point i; the trend's first point is the one before its first step
        int[] steps = new int[values.size()];
        for (int i = 1; i < values.size(); i++) {
            steps[i] = Integer.signum(values.get(i).compareTo(values.get(i - 1)));
        }
        int start = 1;
        for (int i = 1; i <= values.size(); i++) {
            boolean ends = i == values.size() || steps[i] == 0 || steps[i] != steps[start];
            if (ends) {
                int points = i - start + 1;
                if (i > start && steps[start] != 0 && points >= TREND) {
                    for (int p = start - 1; p < i; p++) {
                        found.at(p, steps[start] > 0);
                    }
                }
                start = i;
            }
        }
    }

    /** Two of three consecutive points beyond two-thirds of the way to a limit, on the same side: those two. */
    private static void twoOfThree(
            List<BigDecimal> values, BigDecimal mean, BigDecimal lower, BigDecimal upper, Found found) {
        BigDecimal high = mean.add(upper.subtract(mean).multiply(TWO_THIRDS, PRECISION));
        BigDecimal low = mean.subtract(mean.subtract(lower).multiply(TWO_THIRDS, PRECISION));
        boolean[] flaggedHigh = new boolean[values.size()];
        boolean[] flaggedLow = new boolean[values.size()];
        for (int i = 0; i + 2 < values.size(); i++) {
            for (boolean side : new boolean[] {true, false}) {
                List<Integer> beyond = new ArrayList<>();
                for (int p = i; p < i + 3; p++) {
                    if (side ? values.get(p).compareTo(high) > 0 : values.get(p).compareTo(low) < 0) {
                        beyond.add(p);
                    }
                }
                if (beyond.size() >= 2) {
                    boolean[] flagged = side ? flaggedHigh : flaggedLow;
                    for (int p : beyond) {
                        if (!flagged[p]) {
                            flagged[p] = true;
                            found.at(p, side);
                        }
                    }
                }
            }
        }
    }

    /** Stretches of at least {@code length} points with the same non-zero sign: every point of each. */
    private static void stretches(int size, IntUnaryOperator sign, int length, Found found) {
        int start = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || sign.applyAsInt(i) == 0 || sign.applyAsInt(i) != sign.applyAsInt(start)) {
                if (i - start >= length && sign.applyAsInt(start) != 0) {
                    for (int p = start; p < i; p++) {
                        found.at(p, sign.applyAsInt(start) > 0);
                    }
                }
                start = i;
            }
        }
    }

    private static Flag flag(Polarity polarity, List<Point> points, int index, Rule rule, boolean high) {
        return new Flag(index, points.get(index).period(), rule, high, variation(polarity, high));
    }

    /** High is an improvement where a rise is good, a concern where a fall is; monitor-only is neither. */
    static Variation variation(Polarity polarity, boolean high) {
        if (polarity == Polarity.MONITOR_ONLY) {
            return Variation.NEITHER;
        }
        boolean riseIsGood = polarity != Polarity.LOWER_IS_BETTER;
        return high == riseIsGood ? Variation.IMPROVEMENT : Variation.CONCERN;
    }
}
