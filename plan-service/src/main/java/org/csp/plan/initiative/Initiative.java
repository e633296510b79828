package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An initiative's state, folded from its events, and the pure rules for changing it. */
public record Initiative(InitiativeDefined definition, Map<String, ProgressUpdated> progressByQuarter) {

    public static final Decider<InitiativeCommand, InitiativeEvent, Initiative> DECIDER = new Decider<>() {
        @Override
        public Initiative initialState() {
            return new Initiative(null, Map.of());
        }

        @Override
        public Initiative evolve(Initiative state, InitiativeEvent event) {
            return switch (event) {
                case InitiativeDefined defined -> new Initiative(defined, state.progressByQuarter());
                case ProgressUpdated updated -> {
                    Map<String, ProgressUpdated> progress = new TreeMap<>(state.progressByQuarter());
                    progress.put(updated.quarter(), updated);
                    yield new Initiative(state.definition(), Map.copyOf(progress));
                }
            };
        }

        @Override
        public List<InitiativeEvent> decide(InitiativeCommand command, Initiative state) {
            return switch (command) {
                case DefineInitiative define -> state.exists() ? List.of() : List.of(new InitiativeDefined(define.initiativeId(),
                        define.priority(), define.priorityTitle(), define.title(), define.leadOrganisation(), define.start(),
                        define.due()));
                case UpdateProgress update -> decideProgress(update, state);
            };
        }
    };

    public boolean exists() {
        return definition != null;
    }

    private static List<InitiativeEvent> decideProgress(UpdateProgress update, Initiative state) {
        if (!state.exists()) {
            throw new CommandRejected("initiative-not-defined", "Initiative '" + update.initiativeId() + "' is not part of the plan.");
        }
        FinancialQuarter quarter = update.quarter();
        InitiativeDefined plan = state.definition();
        if (quarter.lastDay().isBefore(plan.start()) || quarter.firstDay().isAfter(plan.due())) {
            throw CommandRejected.invalid("quarter", "must fall within the initiative's timescale, "
                    + FinancialQuarter.of(plan.start()).label() + " to " + FinancialQuarter.of(plan.due()).label());
        }
        ProgressUpdated event = new ProgressUpdated(update.initiativeId(), quarter.label(), update.status().code(),
                update.rag().code(), update.commentary());
        return event.equals(state.progressByQuarter().get(quarter.label())) ? List.of() : List.of(event);
    }
}
