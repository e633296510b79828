package org.csp.measures.indicator;

import java.math.BigDecimal;
import org.csp.codes.Coded;

/** What an indicator's values count ("count", "percentage", "rate-per-1000"), and which values make sense for it. */
public enum Unit implements Coded {
    COUNT,
    PERCENTAGE,
    RATE_PER_1000;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public static Unit of(String code) {
        return Coded.of(Unit.class, code);
    }

    /** Why a value cannot be a value of this unit, or null when it can. */
    public String refuse(BigDecimal value) {
        if (value.signum() < 0) {
            return "must not be negative";
        }
        if (value.compareTo(Figures.LARGEST) > 0) {
            return "must be at most 1,000,000,000,000";
        }
        if (value.stripTrailingZeros().scale() > Figures.MAX_DECIMALS) {
            return "must have at most " + Figures.MAX_DECIMALS + " decimal places";
        }
        return switch (this) {
            case COUNT -> value.stripTrailingZeros().scale() > 0 ? "must be a whole number for a count" : null;
            case PERCENTAGE -> value.compareTo(HUNDRED) > 0 ? "must be a percentage between 0 and 100" : null;
            case RATE_PER_1000 -> value.compareTo(THOUSAND) > 0 ? "must be a rate per 1,000 between 0 and 1,000" : null;
        };
    }

    /**
     * Why a figure that sums up other figures (a family group's average or limits) cannot be of this unit, or null: as
     * {@link #refuse}, except that an average of counts may have a fraction.
     */
    public String refuseSummary(BigDecimal value) {
        return this == COUNT
                        && value.signum() >= 0
                        && value.compareTo(Figures.LARGEST) <= 0
                        && value.stripTrailingZeros().scale() <= Figures.MAX_DECIMALS
                ? null
                : refuse(value);
    }

    /**
     * What {@code numerator} out of {@code denominator} is in this unit (a percentage, a rate per 1,000), or null for a
     * count, which is a value and not a ratio.
     */
    public BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal scale = switch (this) {
            case COUNT -> null;
            case PERCENTAGE -> HUNDRED;
            case RATE_PER_1000 -> THOUSAND;
        };
        return scale == null ? null : numerator.multiply(scale).divide(denominator, 2, java.math.RoundingMode.HALF_UP);
    }
}
