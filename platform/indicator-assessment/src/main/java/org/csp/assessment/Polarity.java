package org.csp.assessment;

import java.util.List;
import org.csp.codes.Coded;

/**
 * How a change in an indicator is read ("lower-is-better", …). The plan says explicitly that more reporting of
 * domestic abuse, VIAWG and hate crime is positive: it shows confidence in the services.
 */
public enum Polarity implements Coded {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    INCREASED_REPORTING_IS_POSITIVE,
    MONITOR_ONLY;

    public static Polarity of(String code) {
        return Coded.of(Polarity.class, code);
    }

    public static List<String> codes() {
        return Coded.codes(Polarity.class);
    }
}
