package org.csp.gateway.quarterly;

import org.csp.calendar.FinancialQuarter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a data point covers, as measures-service writes it: a month ({@code "2024-08"}), a financial quarter
 * ({@code "2024/25 Q2"}) or a financial year ({@code "2024/25"}). {@code label} is the canonical form,
 * {@code quarter} the financial quarter it falls in (null for a whole year), {@code financialYear} the year
 * ({@code "2024/25"}) it falls in.
 */
record MeasurePeriod(Kind kind, String label, LocalDate firstDay, String quarter, String financialYear) {

    enum Kind {
        MONTH, QUARTER, YEAR;

        /** The kind of period an indicator of this frequency ("monthly", "quarterly", "annual") reports; null if unknown. */
        static Kind ofFrequency(String frequency) {
            if (frequency == null) {
                return null;
            }
            return switch (frequency) {
                case "monthly" -> MONTH;
                case "quarterly" -> QUARTER;
                case "annual" -> YEAR;
                default -> null;
            };
        }

        int perYear() {
            return switch (this) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case YEAR -> 1;
            };
        }
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})[/-](\\d{2})");

    /** Empty when the text is none of the three forms (or out of the years a financial quarter allows). */
    static Optional<MeasurePeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            Matcher month = MONTH.matcher(t);
            if (month.matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
                FinancialQuarter q = FinancialQuarter.of(ym);
                return Optional.of(new MeasurePeriod(Kind.MONTH, ym.toString(), ym.atDay(1), q.label(), q.financialYear()));
            }
            Optional<FinancialQuarter> quarter = FinancialQuarter.parse(t);
            if (quarter.isPresent()) {
                FinancialQuarter q = quarter.get();
                return Optional.of(new MeasurePeriod(Kind.QUARTER, q.label(), q.firstDay(), q.label(), q.financialYear()));
            }
            Matcher year = YEAR.matcher(t);
            if (year.matches()) {
                int start = Integer.parseInt(year.group(1));
                if ((start + 1) % 100 != Integer.parseInt(year.group(2))) {
                    return Optional.empty();
                }
                FinancialQuarter q1 = new FinancialQuarter(start, 1);
                return Optional.of(new MeasurePeriod(Kind.YEAR, q1.financialYear(), q1.firstDay(), null, q1.financialYear()));
            }
        } catch (IllegalArgumentException e) { // a year FinancialQuarter does not allow
            return Optional.empty();
        }
        return Optional.empty();
    }
}
