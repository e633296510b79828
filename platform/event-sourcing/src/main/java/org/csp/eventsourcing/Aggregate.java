package org.csp.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;

/**
 * Loads an aggregate by folding its stream, runs a command through the pure decider and stages what it decided in
 * the caller's unit of work, so that query tables are updated in the same transaction, before the append.
 */
public final class Aggregate<C, E, S> {

    private final EventStore store;
    private final EventTypes<E> types;
    private final Decider<C, E, S> decider;

    public Aggregate(EventStore store, EventTypes<E> types, Decider<C, E, S> decider) {
        this.store = store;
        this.types = types;
        this.decider = decider;
    }

    /** The state of a stream and the version it is at (0 when the stream does not exist). */
    public record Loaded<S>(S state, long version) {
    }

    /** What a command did: the new state and version and the events staged for appending (none when nothing changed). */
    public record Outcome<E, S>(S state, long version, List<E> events) {
        public boolean changed() {
            return !events.isEmpty();
        }
    }

    public Uni<Loaded<S>> load(SqlClient client, String streamId) {
        return store.readStream(client, streamId).map(events -> {
            S state = decider.initialState();
            for (StoredEvent event : events) {
                state = decider.evolve(state, types.decode(event));
            }
            return new Loaded<>(state, events.isEmpty() ? 0 : events.getLast().version());
        });
    }

    /** The stream as this unit of work sees it: what is stored plus what the unit has staged for it. */
    public Uni<Loaded<S>> load(UnitOfWork unit, String streamId) {
        return load(unit.connection(), streamId).map(loaded -> {
            List<NewEvent> staged = unit.staged(streamId);
            S state = loaded.state();
            for (NewEvent event : staged) {
                state = decider.evolve(state, types.decode(event.type(), event.payload()));
            }
            return new Loaded<>(state, loaded.version() + staged.size());
        });
    }

    /**
     * Handles one command and stages the events it decided in {@code unit}; they are written when the unit's
     * transaction ends. {@code ifMatch}, when the client sent one, must equal the current version or the
     * command fails with 412 before anything is decided.
     */
    public Uni<Outcome<E, S>> handle(UnitOfWork unit, String streamId, String partnershipId, C command, Long ifMatch, Actor actor) {
        return load(unit, streamId).map(loaded -> {
            if (ifMatch != null && ifMatch != loaded.version()) {
                throw new ConcurrencyConflict(streamId, ifMatch, loaded.version(), true);
            }
            List<E> events = decider.decide(command, loaded.state());
            if (events.isEmpty()) {
                return new Outcome<>(loaded.state(), loaded.version(), events);
            }
            S state = loaded.state();
            for (E event : events) {
                state = decider.evolve(state, event);
            }
            unit.append(new StreamAppend(streamId, partnershipId, loaded.version(),
                    events.stream().map(types::encode).toList(), actor, ifMatch != null));
            return new Outcome<>(state, loaded.version() + events.size(), events);
        });
    }
}
