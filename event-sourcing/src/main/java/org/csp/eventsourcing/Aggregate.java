package org.csp.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;

/**
 * Loads an aggregate by folding its stream, runs a command through the pure decider and appends what it decided,
 * all inside the caller's transaction so that query tables can be updated atomically with the append.
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

    /** What a command did: the new state and version and the events appended (none when nothing changed). */
    public record Outcome<E, S>(S state, long version, List<E> events, List<StoredEvent> stored) {
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

    /**
     * Handles one command. {@code ifMatch}, when the client sent one, must equal the current version or the
     * command fails with 412 before anything is decided.
     */
    public Uni<Outcome<E, S>> handle(SqlConnection tx, String streamId, String partnershipId, C command, Long ifMatch, Actor actor) {
        return load(tx, streamId).flatMap(loaded -> {
            if (ifMatch != null && ifMatch != loaded.version()) {
                return Uni.createFrom().failure(new ConcurrencyConflict(streamId, ifMatch, loaded.version(), true));
            }
            List<E> events = decider.decide(command, loaded.state());
            if (events.isEmpty()) {
                return Uni.createFrom().item(new Outcome<>(loaded.state(), loaded.version(), events, List.of()));
            }
            S state = loaded.state();
            for (E event : events) {
                state = decider.evolve(state, event);
            }
            S newState = state;
            StreamAppend append = new StreamAppend(streamId, partnershipId, loaded.version(),
                    events.stream().map(types::encode).toList(), actor, ifMatch != null);
            return store.append(tx, List.of(append))
                    .map(stored -> new Outcome<>(newState, loaded.version() + events.size(), events, stored));
        });
    }
}
