package org.csp.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.csp.calendar.FinancialQuarter;

/**
 * An indicator's quarter read through its polarity: the value (its data points in the quarter rolled up; for an annual
 * indicator the financial year the quarter is in), the same period last year, the change, the target, RAG and the
 * direction of travel. The one place this rule lives: measures-service answers with it and the gateway's views show
 * it, so both always agree.
 *
 * <p>RAG against a target (for a sum, a quarter's share is a quarter of the year's target): on or past the target is
 * green, short of it by no more than the tolerance (a percentage of the target) amber, further red. With no target,
 * against the same period last year: improving green, stable amber, worsening red. A change within the tolerance
 * (a percentage of last year's value) is stable. Lower is better reads a fall as improving; higher is better and an
 * increase in reporting is positive read a rise as improving; monitor-only is neither rated nor given a direction.
 */
public record Assessment(
        String quarter,
        String period,
        BigDecimal value,
        int periodsReported,
        int periodsExpected,
        String comparisonPeriod,
        BigDecimal sameTimeLastYear,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal target,
        Rag rag,
        Direction direction,
        Trend trend) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTERS = BigDecimal.valueOf(4);

    /**
     * What the rule needs to know of an indicator. {@code periodsPerYear}: 12 for monthly, 4 for quarterly, 1 for
     * annual data; {@code tolerance} a percentage; {@code targets} by financial year ("2024/25").
     */
    public record Basis(
            Polarity polarity,
            Aggregation aggregation,
            int periodsPerYear,
            BigDecimal tolerance,
            Map<String, BigDecimal> targets) {
        public Basis {
            if (periodsPerYear != 1 && periodsPerYear != 4 && periodsPerYear != 12) {
                throw new IllegalArgumentException("periodsPerYear must be 1, 4 or 12");
            }
            targets = Map.copyOf(targets);
        }
    }

    /** Assesses {@code quarter} from an indicator's current readings for one geography (any periods; the rest are ignored). */
    public static Assessment assess(Basis basis, FinancialQuarter quarter, List<Reading> readings) {
        FinancialQuarter lastYear = new FinancialQuarter(quarter.startYear() - 1, quarter.quarter());
        List<Reading> now = readings.stream()
                .filter(r -> within(basis, quarter, r.firstDay()))
                .toList();
        List<Reading> before = readings.stream()
                .filter(r -> within(basis, lastYear, r.firstDay()))
                .toList();
        BigDecimal value = basis.aggregation().rollUp(now);
        BigDecimal previous = basis.aggregation().rollUp(before);
        BigDecimal target = target(basis, quarter);

        BigDecimal change = value == null || previous == null ? null : Aggregation.canonical(value.subtract(previous));
        BigDecimal changePercent = change == null || previous.signum() == 0
                ? null
                : change.multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
        Trend trend = change == null
                ? Trend.NO_COMPARISON
                : change.signum() > 0 ? Trend.UP : change.signum() < 0 ? Trend.DOWN : Trend.UNCHANGED;
        Direction direction = direction(basis, change, changePercent);
        Rag rag = rag(basis, value, target, direction);
        int expected = basis.periodsPerYear() == 12 ? 3 : 1;
        return new Assessment(
                quarter.label(),
                basis.periodsPerYear() == 1 ? quarter.financialYear() : quarter.label(),
                value,
                Aggregation.periods(now),
                expected,
                basis.periodsPerYear() == 1 ? lastYear.financialYear() : lastYear.label(),
                previous,
                change,
                changePercent,
                target,
                rag,
                direction,
                trend);
    }

    /** Whether a period starting on {@code day} is part of what is assessed for {@code quarter}. */
    public static boolean within(Basis basis, FinancialQuarter quarter, LocalDate day) {
        return switch (basis.periodsPerYear()) {
            case 12 -> quarter.contains(day);
            case 4 -> day.equals(quarter.firstDay());
            default -> day.equals(LocalDate.of(quarter.startYear(), 4, 1));
        };
    }

    private static BigDecimal target(Basis basis, FinancialQuarter quarter) {
        BigDecimal year = basis.targets().get(quarter.financialYear());
        if (year == null || basis.polarity() == Polarity.MONITOR_ONLY) {
            return null;
        }
        return basis.aggregation() == Aggregation.SUM && basis.periodsPerYear() > 1
                ? Aggregation.canonical(year.divide(QUARTERS, MathContext.DECIMAL64))
                : year;
    }

    private static Direction direction(Basis basis, BigDecimal change, BigDecimal changePercent) {
        if (change == null || basis.polarity() == Polarity.MONITOR_ONLY) {
            return Direction.NOT_ASSESSED;
        }
        boolean withinTolerance = changePercent == null
                ? change.signum() == 0
                : changePercent.abs().compareTo(basis.tolerance()) <= 0;
        if (withinTolerance) {
            return Direction.STABLE;
        }
        return change.signum() * better(basis.polarity()) > 0 ? Direction.IMPROVING : Direction.WORSENING;
    }

    private static Rag rag(Basis basis, BigDecimal value, BigDecimal target, Direction direction) {
        if (basis.polarity() == Polarity.MONITOR_ONLY || value == null) {
            return Rag.NOT_RATED;
        }
        if (target != null) {
            int better = better(basis.polarity());
            // how far the value is past the target in the good direction (negative: short of it)
            BigDecimal margin = value.subtract(target).multiply(BigDecimal.valueOf(better));
            if (margin.signum() >= 0) {
                return Rag.GREEN;
            }
            BigDecimal allowed = target.abs().multiply(basis.tolerance()).divide(HUNDRED, MathContext.DECIMAL64);
            return margin.negate().compareTo(allowed) <= 0 ? Rag.AMBER : Rag.RED;
        }
        return switch (direction) {
            case IMPROVING -> Rag.GREEN;
            case STABLE -> Rag.AMBER;
            case WORSENING -> Rag.RED;
            case NOT_ASSESSED -> Rag.NOT_RATED;
        };
    }

    /** +1 when a rise is good, -1 when a fall is. */
    private static int better(Polarity polarity) {
        return polarity == Polarity.LOWER_IS_BETTER ? -1 : 1;
    }
}
