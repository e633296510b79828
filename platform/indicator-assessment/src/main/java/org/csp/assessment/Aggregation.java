package org.csp.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.csp.codes.Coded;

/**
 * How an indicator's values roll up from shorter periods into a quarter or a year ("sum", "mean", "latest"), and how
 * the figures of several sources for one period combine: added up for a sum (each source counts its own cases),
 * averaged otherwise.
 */
public enum Aggregation implements Coded {
    SUM,
    MEAN,
    LATEST;

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public static Aggregation of(String code) {
        return Coded.of(Aggregation.class, code);
    }

    public static List<String> codes() {
        return Coded.codes(Aggregation.class);
    }

    /** The value of these readings taken together, or null when there are none. */
    public BigDecimal rollUp(List<Reading> readings) {
        if (readings.isEmpty()) {
            return null;
        }
        Map<java.time.LocalDate, List<BigDecimal>> byPeriod = readings.stream()
                .collect(Collectors.groupingBy(
                        Reading::firstDay, TreeMap::new, Collectors.mapping(Reading::value, Collectors.toList())));
        List<BigDecimal> perPeriod = byPeriod.values().stream()
                .map(values -> this == SUM ? sum(values) : mean(values))
                .toList();
        return canonical(
                switch (this) {
                    case SUM -> sum(perPeriod);
                    case MEAN -> mean(perPeriod);
                    case LATEST -> perPeriod.getLast();
                });
    }

    /** How many distinct periods the readings cover. */
    public static int periods(List<Reading> readings) {
        return (int) readings.stream().map(Reading::firstDay).distinct().count();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return sum(values).divide(BigDecimal.valueOf(values.size()), PRECISION);
    }

    /** 12.50 as 12.5 and 1.2E+1 as 12, so that equal values compare and print equally. */
    public static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static final Comparator<Reading> BY_PERIOD = Comparator.comparing(Reading::firstDay);
}
