package org.csp.plan.initiative;

import org.csp.codes.Coded;

/** Likelihood or impact of a risk. */
public enum RiskLevel implements Coded {
    LOW,
    MEDIUM,
    HIGH;

    public static RiskLevel of(String code) {
        return Coded.of(RiskLevel.class, code);
    }
}
