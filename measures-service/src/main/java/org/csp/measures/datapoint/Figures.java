package org.csp.measures.datapoint;

import java.math.BigDecimal;
import org.csp.problem.Validation;

/**
 * The form every figure of a data point takes (value, numerator, denominator), checked as it is read and before any
 * arithmetic, so that no number a client sends can keep the service busy: from -1,000,000,000,000 to
 * 1,000,000,000,000 with at most {@value #MAX_DECIMALS} decimal places, written in at most {@value #MAX_TEXT}
 * characters. Each unit narrows the range further ({@code Unit#refuse}).
 */
final class Figures {

    static final int MAX_TEXT = 40;
    static final int MAX_DECIMALS = 6;
    /** 1,000,000,000,000 has 13 digits before the point. */
    private static final int MAX_WHOLE_DIGITS = 13;

    private static final BigDecimal LARGEST = new BigDecimal("1e12");
    private static final String FORM = "must be a number from -1,000,000,000,000 to 1,000,000,000,000 with at most "
            + MAX_DECIMALS + " decimal places";

    private Figures() {}

    /** A figure written as text (a CSV cell): parsed only when short enough; null with a violation otherwise. */
    static BigDecimal parse(String text, String field, Validation v) {
        String figure = text.strip();
        if (figure.length() > MAX_TEXT) {
            v.require(false, field, FORM + ", written in at most " + MAX_TEXT + " characters");
            return null;
        }
        try {
            return bounded(new BigDecimal(figure), field, v);
        } catch (NumberFormatException e) {
            v.require(false, field, "must be a number");
            return null;
        }
    }

    /**
     * {@code figure} when it has the form, else null with a violation. Its digits are counted first (no arithmetic),
     * which bounds the work of the rest; trailing zeros are no precision (2.50000000 is 2.5).
     */
    static BigDecimal bounded(BigDecimal figure, String field, Validation v) {
        long wholeDigits = (long) figure.precision() - figure.scale();
        if (wholeDigits <= MAX_WHOLE_DIGITS && figure.precision() <= MAX_TEXT) {
            BigDecimal exact = figure.scale() > MAX_DECIMALS ? figure.stripTrailingZeros() : figure;
            if (exact.scale() <= MAX_DECIMALS && exact.abs().compareTo(LARGEST) <= 0) {
                return exact.scale() < 0 ? exact.setScale(0) : exact;
            }
        }
        v.require(false, field, FORM);
        return null;
    }
}
