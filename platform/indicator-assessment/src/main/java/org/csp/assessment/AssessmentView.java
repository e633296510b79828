package org.csp.assessment;

import java.math.BigDecimal;

/**
 * An {@link Assessment} as the API shows it, wherever it is shown (measures-service's assessments, the gateway's
 * quarterly view): RAG, direction of travel and trend as their codes ("green", "improving", "down", "not-rated" …).
 */
public record AssessmentView(
        String period,
        BigDecimal value,
        int periodsReported,
        int periodsExpected,
        String comparisonPeriod,
        BigDecimal sameTimeLastYear,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal target,
        String rag,
        String direction,
        String trend) {

    public static AssessmentView of(Assessment a) {
        return new AssessmentView(
                a.period(),
                a.value(),
                a.periodsReported(),
                a.periodsExpected(),
                a.comparisonPeriod(),
                a.sameTimeLastYear(),
                a.change(),
                a.changePercent(),
                a.target(),
                a.rag().code(),
                a.direction().code(),
                a.trend().code());
    }
}
