package org.csp.measures.indicator;

import org.csp.eventsourcing.Decider;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;

import java.util.List;

/** An indicator's state, folded from its events, and the pure rules for changing it. */
public record Indicator(IndicatorDefined definition) {

    public static final Decider<IndicatorCommand, IndicatorEvent, Indicator> DECIDER = new Decider<>() {
        @Override
        public Indicator initialState() {
            return new Indicator(null);
        }

        @Override
        public Indicator evolve(Indicator state, IndicatorEvent event) {
            return switch (event) {
                case IndicatorDefined defined -> new Indicator(defined);
            };
        }

        @Override
        public List<IndicatorEvent> decide(IndicatorCommand command, Indicator state) {
            return switch (command) {
                case DefineIndicator define -> state.exists() ? List.of() : List.of(new IndicatorDefined(define.code(),
                        define.title(), define.description(), define.priority(), define.unit().code(),
                        define.frequency().code(), define.polarity().code(), define.sources(), define.baseline()));
            };
        }
    };

    public boolean exists() {
        return definition != null;
    }
}
