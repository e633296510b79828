package org.csp.measures.indicator;

import java.util.List;

/** What a data point of an indicator must satisfy: a period that suits its frequency, a value of its unit, one of its sources. */
public record IndicatorRules(String code, Unit unit, Frequency frequency, List<String> sources) {

    public IndicatorRules {
        sources = List.copyOf(sources);
    }
}
