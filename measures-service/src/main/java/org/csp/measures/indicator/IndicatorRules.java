package org.csp.measures.indicator;

import java.util.List;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.Polarity;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/**
 * What a data point of an indicator must satisfy (a period that suits its frequency, a value of its unit, one of its
 * sources, a geography of its level, and no hand-typed value when it is derived) and how its quarter is assessed.
 */
public record IndicatorRules(
        String code,
        Unit unit,
        Frequency frequency,
        List<String> sources,
        GeographyLevel level,
        Derivation derivedFrom,
        Assessment.Basis basis) {

    public IndicatorRules {
        sources = List.copyOf(sources);
    }

    /** The rules of a stored definition; its codes were checked when it was defined. */
    public static IndicatorRules of(String code, IndicatorDefinition d) {
        Frequency frequency = Frequency.of(d.frequency());
        return new IndicatorRules(
                code,
                Unit.of(d.unit()),
                frequency,
                d.sources(),
                GeographyLevel.of(d.geographyLevel()),
                d.derivedFrom() == null ? null : Derivation.of(d.derivedFrom()),
                new Assessment.Basis(
                        Polarity.of(d.polarity()),
                        Aggregation.of(d.aggregation()),
                        frequency.periodsPerYear(),
                        d.tolerance(),
                        d.targets()));
    }
}
