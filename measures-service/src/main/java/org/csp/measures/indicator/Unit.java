package org.csp.measures.indicator;

import org.csp.codes.Coded;

import java.math.BigDecimal;

/** What an indicator's values count ("count", "percentage", "rate-per-1000"), and which values make sense for it. */
public enum Unit implements Coded {
    COUNT, PERCENTAGE, RATE_PER_1000;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Unit of(String code) {
        return Coded.of(Unit.class, code);
    }

    /** Why a value cannot be a value of this unit, or null when it can. */
    public String refuse(BigDecimal value) {
        if (value.signum() < 0) {
            return "must not be negative";
        }
        return switch (this) {
            case COUNT -> value.stripTrailingZeros().scale() > 0 ? "must be a whole number for a count" : null;
            case PERCENTAGE -> value.compareTo(HUNDRED) > 0 ? "must be a percentage between 0 and 100" : null;
            case RATE_PER_1000 -> null;
        };
    }
}
