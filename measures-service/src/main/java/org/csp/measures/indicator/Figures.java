package org.csp.measures.indicator;

import java.math.BigDecimal;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form every figure takes (a data point's value, numerator and denominator, an indicator's targets and tolerance, a
 * family group's average and limits), checked as it is read and before any arithmetic, so that no number a client
 * sends can keep the service busy: from -1,000,000,000,000 to 1,000,000,000,000 with at most {@value #MAX_DECIMALS}
 * decimal places, written in at most {@value #MAX_TEXT} characters. Each unit narrows the range further
 * ({@link Unit#refuse}): no unit takes a negative figure.
 */
public final class Figures {

    public static final int MAX_TEXT = 40;
    public static final int MAX_DECIMALS = 6;
    /** The largest figure, as the OpenAPI document writes it. */
    public static final String MAXIMUM = "1000000000000";

    public static final BigDecimal LARGEST = new BigDecimal(MAXIMUM);
    /** What the OpenAPI document says of a figure. */
    public static final String DESCRIPTION = "A figure from 0 to 1,000,000,000,000 with at most " + MAX_DECIMALS
            + " decimal places; each unit narrows it (a whole number for a count, up to 100 for a percentage, up to"
            + " 1,000 for a rate per 1,000)";

    /** 1,000,000,000,000 has 13 digits before the point. */
    private static final int MAX_WHOLE_DIGITS = 13;

    private static final String FORM = "must be a number from -1,000,000,000,000 to 1,000,000,000,000 with at most "
            + MAX_DECIMALS + " decimal places";

    /** A figure as the OpenAPI document shows it. */
    @Schema(name = "Figure", type = SchemaType.NUMBER, minimum = "0", maximum = MAXIMUM, description = DESCRIPTION)
    public interface Figure {}

    private Figures() {}

    /** A figure written as text (a CSV cell): parsed only when short enough; null with a violation otherwise. */
    public static BigDecimal parse(String text, String field, Validation v) {
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
    public static BigDecimal bounded(BigDecimal figure, String field, Validation v) {
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
