package org.csp.plan.initiative;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.plan.initiative.InitiativeCommand.AmendInitiative;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.RetireInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.initiative.InitiativeEvent.InitiativeAmended;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.InitiativeRetired;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;

/** An initiative's state, folded from its events, and the pure rules for changing it. */
public record Initiative(
        String id, Definition definition, boolean retired, Map<String, ProgressUpdated> progressByQuarter) {

    public static final Decider<InitiativeCommand, InitiativeEvent, Initiative> DECIDER = new Decider<>() {
        @Override
        public Initiative initialState() {
            return new Initiative(null, null, false, Map.of());
        }

        @Override
        public Initiative evolve(Initiative state, InitiativeEvent event) {
            return switch (event) {
                case InitiativeDefined defined ->
                    new Initiative(defined.initiativeId(), defined.definition(), false, state.progressByQuarter());
                case InitiativeAmended amended ->
                    new Initiative(state.id(), amended.definition(), state.retired(), state.progressByQuarter());
                case InitiativeRetired retired ->
                    new Initiative(state.id(), state.definition(), true, state.progressByQuarter());
                case ProgressUpdated updated -> {
                    Map<String, ProgressUpdated> progress = new TreeMap<>(state.progressByQuarter());
                    progress.put(updated.quarter(), updated);
                    yield new Initiative(state.id(), state.definition(), state.retired(), progress);
                }
            };
        }

        @Override
        public List<InitiativeEvent> decide(InitiativeCommand command, Initiative state) {
            return switch (command) {
                case DefineInitiative define -> {
                    if (state.active()) {
                        throw new CommandRejected(
                                "already-defined",
                                "Initiative '" + define.initiativeId() + "' already exists; amend it instead.");
                    }
                    requireTimescale(define.definition());
                    yield List.of(new InitiativeDefined(define.initiativeId(), define.definition()));
                }
                case AmendInitiative amend -> {
                    requireActive(state, amend.initiativeId());
                    requireTimescale(amend.definition());
                    yield amend.definition().equals(state.definition())
                            ? List.of()
                            : List.of(new InitiativeAmended(amend.initiativeId(), amend.definition()));
                }
                case RetireInitiative retire -> {
                    if (!state.exists()) {
                        throw notDefined(retire.initiativeId());
                    }
                    yield state.retired()
                            ? List.of()
                            : List.of(new InitiativeRetired(retire.initiativeId(), retire.reason()));
                }
                case UpdateProgress update -> decideProgress(update, state);
            };
        }
    };

    public boolean exists() {
        return definition != null;
    }

    public boolean active() {
        return exists() && !retired;
    }

    /** The latest quarter reported, or null. */
    public ProgressUpdated latest() {
        return progressByQuarter.isEmpty()
                ? null
                : new TreeMap<>(progressByQuarter).lastEntry().getValue();
    }

    private static void requireActive(Initiative state, String id) {
        if (!state.exists()) {
            throw notDefined(id);
        }
        if (state.retired()) {
            throw new CommandRejected("retired", "Initiative '" + id + "' is retired.");
        }
    }

    private static CommandRejected notDefined(String id) {
        return CommandRejected.notDefined("Initiative '" + id + "' is not part of the plan.");
    }

    private static void requireTimescale(Definition definition) {
        if (definition.due().isBefore(definition.start())) {
            throw CommandRejected.invalid("due", "must not be before start (" + definition.start() + ")");
        }
    }

    private static List<InitiativeEvent> decideProgress(UpdateProgress update, Initiative state) {
        requireActive(state, update.initiativeId());
        FinancialQuarter quarter = update.quarter();
        Definition plan = state.definition();
        if (quarter.lastDay().isBefore(plan.start()) || quarter.firstDay().isAfter(plan.due())) {
            throw CommandRejected.invalid(
                    "quarter",
                    "must fall within the initiative's timescale, "
                            + FinancialQuarter.of(plan.start()).label() + " to "
                            + FinancialQuarter.of(plan.due()).label());
        }
        ProgressUpdated event = new ProgressUpdated(
                update.initiativeId(),
                quarter.label(),
                update.status().code(),
                update.rag().code(),
                update.commentary(),
                update.reporter());
        // the same report again changes nothing, whoever sends it: the one who first made it stays its reporter
        return event.sameReportAs(state.progressByQuarter().get(quarter.label())) ? List.of() : List.of(event);
    }
}
