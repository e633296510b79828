package org.csp.measures.indicator;

import org.csp.eventsourcing.Decider;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;

import java.util.List;

/** An indicator's state, folded from its events, and the pure rules for changing it. */
public record Indicator(IndicatorDefined definition) {

    /** Commands on an indicator; defining it is the only one until indicator management arrives. */
    public sealed interface Command {
        record Define(IndicatorDefined definition) implements Command {
        }
    }

    public static final Decider<Command, IndicatorEvent, Indicator> DECIDER = new Decider<>() {
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
        public List<IndicatorEvent> decide(Command command, Indicator state) {
            return switch (command) {
                case Command.Define define -> state.exists() ? List.of() : List.of(define.definition());
            };
        }
    };

    public boolean exists() {
        return definition != null;
    }
}
