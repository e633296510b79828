package org.csp.measures.indicator;

import java.util.List;

/** What can be asked of an indicator; defining it is the only command until indicator management arrives. */
public sealed interface IndicatorCommand {

    /** Define an indicator of the plan, its unit, frequency and polarity already known to be valid codes. */
    record DefineIndicator(String code, String title, String description, int priority, Unit unit, Frequency frequency,
                           Polarity polarity, List<String> sources, String baseline) implements IndicatorCommand {
        public DefineIndicator {
            sources = List.copyOf(sources);
        }
    }
}
