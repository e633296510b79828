package org.csp.measures.indicator;

import java.util.List;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.measures.indicator.IndicatorCommand.AmendIndicator;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorEvent.IndicatorAmended;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/** An indicator's state, folded from its events, and the pure rules for changing it. */
public record Indicator(String code, IndicatorDefinition definition) {

    public static final Decider<IndicatorCommand, IndicatorEvent, Indicator> DECIDER = new Decider<>() {
        @Override
        public Indicator initialState() {
            return new Indicator(null, null);
        }

        @Override
        public Indicator evolve(Indicator state, IndicatorEvent event) {
            return new Indicator(event.code(), event.definition());
        }

        @Override
        public List<IndicatorEvent> decide(IndicatorCommand command, Indicator state) {
            return switch (command) {
                case DefineIndicator define -> {
                    if (state.exists()) {
                        if (define.fromCatalogueFile() || state.definition().equals(define.definition())) {
                            yield List.of();
                        }
                        throw new CommandRejected(
                                "already-defined",
                                "Indicator '" + define.code() + "' is already in the catalogue; amend it with PATCH.");
                    }
                    yield List.of(new IndicatorDefined(define.code(), define.definition()));
                }
                case AmendIndicator amend -> {
                    if (!state.exists()) {
                        throw CommandRejected.notDefined("There is no indicator '" + amend.code() + "'.");
                    }
                    yield state.definition().equals(amend.definition())
                            ? List.of()
                            : List.of(new IndicatorAmended(amend.code(), amend.definition()));
                }
            };
        }
    };

    public boolean exists() {
        return definition != null;
    }
}
