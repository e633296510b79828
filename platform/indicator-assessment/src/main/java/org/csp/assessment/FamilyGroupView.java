package org.csp.assessment;

import java.math.BigDecimal;

/**
 * A {@link FamilyGroup} as the API shows it, wherever it is shown (measures-service's assessments, the gateway's
 * quarterly view): the period of the group's figures, the partnership's figure against the group's average and limits,
 * its rank where the source gave it, {@code position} ("below", "within", "above", "not-known") and {@code reading}
 * through the polarity ("better", "similar", "worse", "not-assessed"); {@code source} the comparator source that
 * imported the figures (null: posted by hand).
 */
public record FamilyGroupView(
        String period,
        BigDecimal value,
        BigDecimal average,
        BigDecimal lower,
        BigDecimal upper,
        Integer rank,
        Integer groupSize,
        String position,
        String reading,
        String source) {

    public static FamilyGroupView of(String period, FamilyGroup g, String source) {
        return new FamilyGroupView(
                period,
                g.value(),
                g.average(),
                g.lower(),
                g.upper(),
                g.rank(),
                g.groupSize(),
                g.position().code(),
                g.reading().code(),
                source);
    }
}
