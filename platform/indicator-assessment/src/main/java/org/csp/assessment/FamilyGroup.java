package org.csp.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;

/**
 * Where a partnership stands in its Most Similar Family Group for a period: its figure as the group compares it (a rate
 * per 1,000 population in iQuanta and MaiDen exports) against the group's range, the lower and upper limits around
 * the group average. Inside the limits, limits included, is "within"; outside, "below" or "above", read through the
 * indicator's polarity as better or worse than similar areas. The one place this rule lives, as {@link Assessment}.
 */
public record FamilyGroup(
        BigDecimal value,
        BigDecimal average,
        BigDecimal lower,
        BigDecimal upper,
        Integer rank,
        Integer groupSize,
        Position position,
        Reading reading) {

    /** The partnership's figure against the group's range. */
    public enum Position implements Coded {
        BELOW,
        WITHIN,
        ABOVE,
        /** The group's figures are known but not the partnership's own. */
        NOT_KNOWN
    }

    /** The position read through the indicator's polarity. */
    public enum Reading implements Coded {
        BETTER,
        SIMILAR,
        WORSE,
        /** Monitor-only, or the position is not known. */
        NOT_ASSESSED
    }

    /**
     * {@code value}: the partnership's figure (null when the export gave none); {@code rank} and {@code groupSize}
     * where the export gives them (1 is the lowest figure).
     */
    public static FamilyGroup place(
            Polarity polarity,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize) {
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("lower " + lower + " is above upper " + upper);
        }
        Position position = value == null
                ? Position.NOT_KNOWN
                : value.compareTo(lower) < 0
                        ? Position.BELOW
                        : value.compareTo(upper) > 0 ? Position.ABOVE : Position.WITHIN;
        return new FamilyGroup(value, average, lower, upper, rank, groupSize, position, read(polarity, position));
    }

    /**
     * Of an indicator's family-group figures (each of a period, by its label), those of the latest period that the
     * assessment of {@code quarter} counts (a period of the indicator's frequency within the quarter, or its year):
     * where a quarter's family group is read from.
     */
    public static <T> Optional<T> latest(
            Assessment.Basis basis, FinancialQuarter quarter, Collection<T> figures, Function<T, String> period) {
        T latest = null;
        LocalDate latestDay = null;
        for (T figure : figures) {
            ReportingPeriod p = ReportingPeriod.parse(period.apply(figure)).orElse(null);
            if (p != null
                    && p.kind().perYear() == basis.periodsPerYear()
                    && Assessment.within(basis, quarter, p.firstDay())
                    && (latestDay == null || p.firstDay().isAfter(latestDay))) {
                latest = figure;
                latestDay = p.firstDay();
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Reading read(Polarity polarity, Position position) {
        if (polarity == Polarity.MONITOR_ONLY || position == Position.NOT_KNOWN) {
            return Reading.NOT_ASSESSED;
        }
        if (position == Position.WITHIN) {
            return Reading.SIMILAR;
        }
        boolean lowIsGood = polarity == Polarity.LOWER_IS_BETTER;
        return (position == Position.BELOW) == lowIsGood ? Reading.BETTER : Reading.WORSE;
    }
}
