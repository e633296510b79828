package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

/**
 * Given past events, when a command, then the events it causes or its rejection: every decider test reads the
 * same way. {@code DeciderSpec.of(Initiative.DECIDER).given(defined).when(update).then(updated)}.
 */
public final class DeciderSpec<C, E, S> {

    private final Decider<C, E, S> decider;

    private DeciderSpec(Decider<C, E, S> decider) {
        this.decider = decider;
    }

    public static <C, E, S> DeciderSpec<C, E, S> of(Decider<C, E, S> decider) {
        return new DeciderSpec<>(decider);
    }

    /** The stream so far, oldest first; none for a new stream. */
    @SafeVarargs
    public final Given given(E... history) {
        return given(Arrays.asList(history));
    }

    public Given given(List<E> history) {
        return new Given(List.copyOf(history));
    }

    public final class Given {

        private final List<E> history;

        private Given(List<E> history) {
            this.history = history;
        }

        public When when(C command) {
            return new When(history, command);
        }

        /** The state the history folds into, for assertions on {@code evolve}. */
        public Given thenState(Consumer<S> assertion) {
            assertion.accept(decider.fold(history));
            return this;
        }
    }

    public final class When {

        private final List<E> history;
        private final C command;

        private When(List<E> history, C command) {
            this.history = history;
            this.command = command;
        }

        /** The command causes exactly these events (none: it changes nothing), and they fold without failing. */
        @SafeVarargs
        public final List<E> then(E... expected) {
            List<E> decided = decide();
            assertEquals(Arrays.asList(expected), decided, "events decided for " + command);
            S state = decider.fold(history);
            for (E event : decided) {
                state = decider.evolve(state, event);
            }
            return decided;
        }

        /** The command changes nothing: a retry or a repeat. */
        public void thenNothing() {
            then();
        }

        /** The command conflicts with the state as a whole: 409 with {@code reason} as problem type. */
        public CommandRejected thenRejected(String reason) {
            CommandRejected rejected =
                    assertThrows(CommandRejected.class, this::decide, "expected a rejection of " + command);
            assertEquals(reason, rejected.reason());
            assertNull(rejected.field(), "a rejection of the whole command names no field");
            return rejected;
        }

        /** The state makes one field's value unacceptable: 422 naming {@code field}. */
        public CommandRejected thenInvalid(String field) {
            CommandRejected rejected =
                    assertThrows(CommandRejected.class, this::decide, "expected " + field + " to be refused");
            assertEquals(field, rejected.field());
            return rejected;
        }

        private List<E> decide() {
            S state = decider.fold(history);
            List<E> decided = decider.decide(command, state);
            if (decided == null) {
                fail("decide returned null for " + command);
            }
            return decided;
        }
    }
}
