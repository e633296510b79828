package org.csp.measures.indicator;

import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;

/** How often an indicator is reported ("monthly", …), which decides the kind of period its data points cover. */
public enum Frequency implements Coded {
    MONTHLY(ReportingPeriod.Kind.MONTH, 12),
    QUARTERLY(ReportingPeriod.Kind.QUARTER, 4),
    ANNUAL(ReportingPeriod.Kind.YEAR, 1);

    private final ReportingPeriod.Kind period;
    private final int periodsPerYear;

    Frequency(ReportingPeriod.Kind period, int periodsPerYear) {
        this.period = period;
        this.periodsPerYear = periodsPerYear;
    }

    public ReportingPeriod.Kind period() {
        return period;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public static Frequency of(String code) {
        return Coded.of(Frequency.class, code);
    }

    /** What a period of this frequency looks like, for messages. */
    public String example() {
        return switch (this) {
            case MONTHLY -> "a month such as \"2024-08\"";
            case QUARTERLY -> "a financial quarter such as \"2024/25 Q2\"";
            case ANNUAL -> "a financial year such as \"2024/25\"";
        };
    }
}
