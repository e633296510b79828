package org.csp.eventsourcing;

import java.util.List;

/**
 * The pure heart of an aggregate: {@code decide} checks a command against the current state and returns the
 * events it causes (or throws {@link CommandRejected}); {@code evolve} folds one event into the state.
 */
public interface Decider<C, E, S> {

    S initialState();

    S evolve(S state, E event);

    List<E> decide(C command, S state);

    default S fold(List<E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
