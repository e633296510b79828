package org.csp.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the UK financial year (1 April – 31 March): 2024/25 Q1 is April–June 2024, Q4 is January–March 2025.
 * Written {@code "2024/25 Q2"} in bodies and {@code "2024-25-Q2"} in paths.
 */
public record FinancialQuarter(int startYear, int quarter) implements Comparable<FinancialQuarter> {

    /** The length of a quarter in either written form ({@code 2024/25 Q2}, {@code 2024-25-Q2}). */
    public static final int LENGTH = 10;

    private static final Pattern LABEL = Pattern.compile("(\\d{4})[/-](\\d{2})[ -]Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
        if (startYear < 2000 || startYear > 2099) {
            throw new IllegalArgumentException("financial year out of range");
        }
    }

    /** Parses either written form; empty when the text is not a financial quarter. */
    public static Optional<FinancialQuarter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LABEL.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        int endShort = Integer.parseInt(m.group(2));
        if ((start + 1) % 100 != endShort || start < 2000 || start > 2099) {
            return Optional.empty();
        }
        return Optional.of(new FinancialQuarter(start, Integer.parseInt(m.group(3))));
    }

    public static FinancialQuarter of(LocalDate date) {
        int monthIndex = (date.getMonthValue() + 8) % 12; // April = 0 … March = 11
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return new FinancialQuarter(startYear, monthIndex / 3 + 1);
    }

    public static FinancialQuarter of(YearMonth month) {
        return of(month.atDay(1));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** "2024/25". */
    public String financialYear() {
        return startYear + "/" + twoDigits((startYear + 1) % 100);
    }

    /** "2024/25 Q2". */
    public String label() {
        return financialYear() + " Q" + quarter;
    }

    /**
     * The labels of every reporting period that falls in this quarter or holds it: its three months ("2024-07"), the
     * quarter itself ("2024/25 Q2") and its financial year ("2024/25"), as {@link ReportingPeriod} writes them.
     */
    public List<String> periodLabels() {
        YearMonth first = YearMonth.from(firstDay());
        return List.of(
                first.toString(),
                first.plusMonths(1).toString(),
                first.plusMonths(2).toString(),
                label(),
                financialYear());
    }

    /** "2024-25-Q2", the form used in URLs. */
    public String pathId() {
        return startYear + "-" + twoDigits((startYear + 1) % 100) + "-Q" + quarter;
    }

    @Override
    public int compareTo(FinancialQuarter other) {
        return Integer.compare(startYear * 4 + quarter, other.startYear * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return label();
    }

    /** 5 as "05": concatenation, because String.format is costly on the paths every data point takes. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
