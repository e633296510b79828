package org.csp.plan.element;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

/**
 * A part of the plan that is defined, amended and retired, never deleted: an organisation of the registry, a
 * priority, an objective. {@code definition} is everything a coordinator can amend; a retired element keeps it.
 */
public record Element<D>(String id, D definition, boolean retired) {

    public static <D> Element<D> none() {
        return new Element<>(null, null, false);
    }

    public boolean exists() {
        return definition != null;
    }

    public boolean active() {
        return exists() && !retired;
    }

    /** What can be asked of an element. */
    public sealed interface Command<D> {
        String id();

        /** Creates it, or defines a retired one again; refused while an active one has the id. */
        record Define<D>(String id, D definition) implements Command<D> {}

        /** Replaces the definition; nothing happens when it is unchanged. */
        record Amend<D>(String id, D definition) implements Command<D> {}

        /** Takes it out of the plan, with the reason; a retired element stays readable. */
        record Retire<D>(String id, String reason) implements Command<D> {}
    }

    /** How a kind's own event records say "defined", "amended" and "retired", and how they read back. */
    public record Events<D, E>(
            String what,
            BiFunction<String, D, E> defined,
            BiFunction<String, D, E> amended,
            BiFunction<String, String, E> retired,
            Function<E, Change<D>> read) {}

    /** The meaning of one event of a kind: which element, and its definition after it (null when retired). */
    public record Change<D>(String id, D definition, boolean retired) {}

    /** The pure rules every element kind shares. */
    public static <D, E> Decider<Command<D>, E, Element<D>> decider(Events<D, E> events) {
        return new Decider<>() {
            @Override
            public Element<D> initialState() {
                return none();
            }

            @Override
            public Element<D> evolve(Element<D> state, E event) {
                Change<D> change = events.read().apply(event);
                return change.retired()
                        ? new Element<>(change.id(), state.definition(), true)
                        : new Element<>(change.id(), change.definition(), false);
            }

            @Override
            public List<E> decide(Command<D> command, Element<D> state) {
                return switch (command) {
                    case Command.Define<D> define -> {
                        if (state.active()) {
                            throw new CommandRejected(
                                    "already-defined",
                                    "The " + events.what() + " '" + define.id()
                                            + "' already exists; amend it instead.");
                        }
                        yield List.of(events.defined().apply(define.id(), define.definition()));
                    }
                    case Command.Amend<D> amend -> {
                        requireActive(state, amend.id());
                        yield Objects.equals(state.definition(), amend.definition())
                                ? List.of()
                                : List.of(events.amended().apply(amend.id(), amend.definition()));
                    }
                    case Command.Retire<D> retire -> {
                        if (!state.exists()) {
                            throw notDefined(retire.id());
                        }
                        yield state.retired()
                                ? List.of()
                                : List.of(events.retired().apply(retire.id(), retire.reason()));
                    }
                };
            }

            private void requireActive(Element<D> state, String id) {
                if (!state.exists()) {
                    throw notDefined(id);
                }
                if (state.retired()) {
                    throw new CommandRejected("retired", "The " + events.what() + " '" + id + "' is retired.");
                }
            }

            private CommandRejected notDefined(String id) {
                return CommandRejected.notDefined("The " + events.what() + " '" + id + "' does not exist.");
            }
        };
    }
}
