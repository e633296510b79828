package org.csp.measures.indicator;

import org.csp.eventsourcing.EventTypes;

import java.util.List;

/** What can happen to an indicator definition. Stored and published under explicit type strings. */
public sealed interface IndicatorEvent {

    EventTypes<IndicatorEvent> TYPES = EventTypes.<IndicatorEvent>builder()
            .register("measures.indicator.defined.v1", IndicatorDefined.class)
            .build();

    String code();

    /**
     * A "how will we measure success?" line of the plan as a measurable indicator. {@code unit}, {@code frequency}
     * and {@code polarity} carry the codes of {@link Unit}, {@link Frequency} and {@link Polarity}; {@code sources}
     * are the organisation ids allowed to post its data.
     */
    record IndicatorDefined(String code, String title, String description, int priority, String unit, String frequency,
                            String polarity, List<String> sources, String baseline) implements IndicatorEvent {
        public IndicatorDefined {
            sources = List.copyOf(sources);
        }
    }
}
