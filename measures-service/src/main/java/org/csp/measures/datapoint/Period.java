package org.csp.measures.datapoint;

import org.csp.calendar.FinancialQuarter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a data point covers: a calendar month ({@code "2024-08"}), a financial quarter ({@code "2024/25 Q2"},
 * in paths {@code "2024-25-Q2"}) or a financial year ({@code "2024/25"}, in paths {@code "2024-25"}).
 */
public record Period(Kind kind, String label, LocalDate firstDay, LocalDate lastDay) {

    public enum Kind {
        MONTH, QUARTER, YEAR
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})[/-](\\d{2})");

    /** Parses any written form; empty when the text is not a period. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher month = MONTH.matcher(t);
        if (month.matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return ym.getYear() < 2000 || ym.getYear() > 2099 ? Optional.empty()
                    : Optional.of(new Period(Kind.MONTH, ym.toString(), ym.atDay(1), ym.atEndOfMonth()));
        }
        Optional<FinancialQuarter> quarter = FinancialQuarter.parse(t);
        if (quarter.isPresent()) {
            FinancialQuarter q = quarter.get();
            return Optional.of(new Period(Kind.QUARTER, q.label(), q.firstDay(), q.lastDay()));
        }
        Matcher year = YEAR.matcher(t);
        if (year.matches()) {
            int start = Integer.parseInt(year.group(1));
            if ((start + 1) % 100 != Integer.parseInt(year.group(2)) || start < 2000 || start > 2099) {
                return Optional.empty();
            }
            return Optional.of(new Period(Kind.YEAR, FinancialQuarter.of(LocalDate.of(start, 4, 1)).financialYear(),
                    LocalDate.of(start, 4, 1), LocalDate.of(start + 1, 3, 31)));
        }
        return Optional.empty();
    }

    /** The form used in URLs: "2024-08", "2024-25-Q2", "2024-25". */
    public String pathId() {
        return label.replace('/', '-').replace(' ', '-');
    }

    /** The financial quarter the period falls in; empty for a whole year. */
    public Optional<FinancialQuarter> quarter() {
        return kind == Kind.YEAR ? Optional.empty() : Optional.of(FinancialQuarter.of(firstDay));
    }

    @Override
    public String toString() {
        return label;
    }
}
