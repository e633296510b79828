package org.csp.gateway.views;

import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/**
 * What a series request asks for: the place ({@code geography}, null: the partnership's district), the quarters from
 * and to (by default the twelve quarters to the current one), and how many points the process-control baseline takes
 * (null: {@link Series#DEFAULT_BASELINE}). Each query parameter is checked here; a bad one is a 400 naming it.
 */
public record SeriesQuery(String geography, FinancialQuarter from, FinancialQuarter to, Integer baseline) {

    /** The longest span a series covers: ten years of quarters. */
    public static final int MAX_QUARTERS = 40;

    /** The longest geography code accepted (a GSS code has nine characters). */
    public static final int MAX_GEOGRAPHY_LENGTH = 9;

    /** The most points a baseline may take (ten years of months). */
    public static final int MAX_BASELINE = 120;

    /** How many quarters a series covers when {@code from} is not given. */
    static final int DEFAULT_QUARTERS = 12;

    public static SeriesQuery parse(
            String geography, String from, String to, String baseline, FinancialQuarter current) {
        if (geography != null && (geography.length() > MAX_GEOGRAPHY_LENGTH || !geography.matches("[EWSN][0-9]{8}"))) {
            throw invalid("geography", "is not a GSS code (like E07000082)");
        }
        FinancialQuarter last = to == null ? current : quarter("to", to);
        FinancialQuarter first = from == null ? minus(last, DEFAULT_QUARTERS - 1) : quarter("from", from);
        if (first.compareTo(last) > 0) {
            throw invalid("from", "is after to");
        }
        if (quarters(first, last) > MAX_QUARTERS) {
            throw invalid("from", "is more than " + MAX_QUARTERS + " quarters before to");
        }
        Integer points = null;
        if (baseline != null) {
            if (!baseline.matches("[0-9]{1,3}")
                    || Integer.parseInt(baseline) < 2
                    || Integer.parseInt(baseline) > MAX_BASELINE) {
                throw invalid("baseline", "must be a whole number of points from 2 to " + MAX_BASELINE);
            }
            points = Integer.parseInt(baseline);
        }
        return new SeriesQuery(geography, first, last, points);
    }

    private static FinancialQuarter quarter(String parameter, String text) {
        return FinancialQuarter.parse(text)
                .orElseThrow(() -> invalid(parameter, "is not a financial quarter (like 2024-25-Q2)"));
    }

    private static int quarters(FinancialQuarter from, FinancialQuarter to) {
        return (to.startYear() - from.startYear()) * 4 + to.quarter() - from.quarter() + 1;
    }

    /** The quarter {@code quarters} before {@code q}. */
    static FinancialQuarter minus(FinancialQuarter q, int quarters) {
        int index = q.startYear() * 4 + q.quarter() - 1 - quarters;
        return new FinancialQuarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    /** A 400 naming the query parameter. */
    static ProblemException invalid(String parameter, String problem) {
        return new ProblemException(
                400,
                "invalid-query",
                "Invalid query parameter",
                parameter + " " + problem + ".",
                List.of(new FieldViolation(parameter, problem)));
    }

    @Override
    public String toString() {
        return geography + "|" + from.pathId() + "|" + to.pathId() + "|" + baseline;
    }
}
