package org.csp.gateway.quarterly;

import org.csp.calendar.FinancialQuarter;
import org.csp.problem.ProblemException;

/** A financial quarter named in a view's path ({@code 2024-25-Q2}); anything else is a 400 problem. */
public final class QuarterParameter {

    private QuarterParameter() {}

    public static FinancialQuarter parse(String quarter) {
        return FinancialQuarter.parse(quarter)
                .orElseThrow(() -> new ProblemException(
                        400,
                        "invalid-quarter",
                        "Unknown quarter",
                        "'" + quarter + "' is not a financial quarter; write it like 2024-25-Q2."));
    }
}
