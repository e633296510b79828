package org.csp.measures.indicator;

import org.csp.codes.Coded;
import org.csp.measures.datapoint.Period;

/** How often an indicator is reported ("monthly", …), which decides the kind of period its data points cover. */
public enum Frequency implements Coded {
    MONTHLY(Period.Kind.MONTH),
    QUARTERLY(Period.Kind.QUARTER),
    ANNUAL(Period.Kind.YEAR);

    private final Period.Kind period;

    Frequency(Period.Kind period) {
        this.period = period;
    }

    public Period.Kind period() {
        return period;
    }

    public static Frequency of(String code) {
        return Coded.of(Frequency.class, code);
    }
}
