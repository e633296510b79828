package org.csp.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure covers: a calendar month ({@code "2024-08"}), a financial quarter ({@code "2024/25 Q2"}, in
 * paths {@code "2024-25-Q2"}) or a financial year ({@code "2024/25"}, in paths {@code "2024-25"}), from 2000 to 2099.
 * {@code label} is the canonical form a data point is stored under.
 */
public record ReportingPeriod(Kind kind, String label, LocalDate firstDay, LocalDate lastDay) {

    /** The kinds of period, each the one an indicator of a reporting frequency uses. */
    public enum Kind {
        MONTH,
        QUARTER,
        YEAR;

        /** The kind of period an indicator of this frequency ("monthly", "quarterly", "annual") reports; null if unknown. */
        public static Kind ofFrequency(String frequency) {
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

        /** How many periods of this kind a financial year has. */
        public int perYear() {
            return switch (this) {
                case MONTH -> 12;
                case QUARTER -> 4;
                case YEAR -> 1;
            };
        }
    }

    /** The longest written form of a period: a quarter, {@code 2024/25 Q2}. */
    public static final int MAX_LENGTH = FinancialQuarter.LENGTH;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})[/-](\\d{2})");

    /** Parses any written form; empty when the text is not a period of the years allowed. */
    public static Optional<ReportingPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher month = MONTH.matcher(t);
        if (month.matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return ym.getYear() < 2000 || ym.getYear() > 2099
                    ? Optional.empty()
                    : Optional.of(new ReportingPeriod(Kind.MONTH, ym.toString(), ym.atDay(1), ym.atEndOfMonth()));
        }
        Optional<FinancialQuarter> quarter = FinancialQuarter.parse(t);
        if (quarter.isPresent()) {
            return Optional.of(of(quarter.get()));
        }
        Matcher year = YEAR.matcher(t);
        if (year.matches()) {
            int start = Integer.parseInt(year.group(1));
            if ((start + 1) % 100 != Integer.parseInt(year.group(2)) || start < 2000 || start > 2099) {
                return Optional.empty();
            }
            return Optional.of(new ReportingPeriod(
                    Kind.YEAR,
                    new FinancialQuarter(start, 1).financialYear(),
                    LocalDate.of(start, 4, 1),
                    LocalDate.of(start + 1, 3, 31)));
        }
        return Optional.empty();
    }

    /** A financial quarter as a period. */
    public static ReportingPeriod of(FinancialQuarter quarter) {
        return new ReportingPeriod(Kind.QUARTER, quarter.label(), quarter.firstDay(), quarter.lastDay());
    }

    /** The form used in URLs: "2024-08", "2024-25-Q2", "2024-25". */
    public String pathId() {
        return label.replace('/', '-').replace(' ', '-');
    }

    /** The financial quarter the period falls in; empty for a whole year. */
    public Optional<FinancialQuarter> quarter() {
        return kind == Kind.YEAR ? Optional.empty() : Optional.of(FinancialQuarter.of(firstDay));
    }

    /** The financial year ("2024/25") the period falls in. */
    public String financialYear() {
        return FinancialQuarter.of(firstDay).financialYear();
    }

    @Override
    public String toString() {
        return label;
    }
}
