package org.csp.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.List;
import org.csp.problem.ProblemException;

/**
 * One kind of aggregate of a service ({@code initiative}, {@code engagement} …): its streams
 * ({@code <partnership>:<kind>:<id>}), its event types and pure decider, the query table kept in step with it, and the
 * label a missing one is reported under. It is the application service every command goes through: one command is
 * one line, {@link #execute}: a transaction that loads the stream, decides, updates the query table and appends.
 */
public final class Aggregate<C, E, S> {

    /** Writes an aggregate's row of its service's query table, in the command's transaction, after each change. */
    @FunctionalInterface
    public interface QueryTableWriter<S> {
        Uni<Void> write(SqlClient tx, String partnershipId, String id, S state, long version);

        /** For an aggregate no query table keeps. */
        static <S> QueryTableWriter<S> none() {
            return (tx, partnershipId, id, state, version) -> Uni.createFrom().voidItem();
        }
    }

    /** The state of a stream and the version it is at (0 when the stream does not exist). */
    public record Loaded<S>(S state, long version) {}

    /** What a command did: the new state and version and the events staged for appending (none when nothing changed). */
    public record Outcome<E, S>(S state, long version, List<E> events) {
        public boolean changed() {
            return !events.isEmpty();
        }
    }

    private final EventStore store;
    private final String kind;
    private final String what;
    private final EventTypes<E> types;
    private final Decider<C, E, S> decider;
    private final QueryTableWriter<S> queryTable;

    /**
     * {@code kind} names its streams; {@code what} is how a person calls one ("Engagement record"), in a 404 and a
     * history; {@code queryTable} keeps the service's query table in step.
     */
    public Aggregate(
            EventStore store,
            String kind,
            String what,
            EventTypes<E> types,
            Decider<C, E, S> decider,
            QueryTableWriter<S> queryTable) {
        this.store = store;
        this.kind = kind;
        this.what = what;
        this.types = types;
        this.decider = decider;
        this.queryTable = queryTable;
    }

    public String streamId(String partnershipId, String id) {
        return partnershipId + ":" + kind + ":" + id;
    }

    public EventStore store() {
        return store;
    }

    /**
     * Handles one command in a transaction of its own: {@link #handle} and the append, committed before the answer.
     */
    public Uni<Outcome<E, S>> execute(String partnershipId, String id, C command, Long ifMatch, Actor actor) {
        return store.inTransaction(unit -> handle(unit, partnershipId, id, command, ifMatch, actor));
    }

    /**
     * Handles one command in the caller's unit of work: loads the stream (with what the unit staged for it), checks
     * {@code ifMatch} (the client's If-Match, null when it sent none: 412 when stale, before anything is decided),
     * decides, stages the events and writes the query table's row. A command about an aggregate that does not exist
     * (the decider's {@link CommandRejected#NOT_DEFINED}) is a 404 naming it.
     */
    public Uni<Outcome<E, S>> handle(
            UnitOfWork unit, String partnershipId, String id, C command, Long ifMatch, Actor actor) {
        String streamId = streamId(partnershipId, id);
        return load(unit, streamId)
                .map(loaded -> {
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
                    unit.append(new StreamAppend(
                            streamId,
                            partnershipId,
                            loaded.version(),
                            events.stream().map(types::encode).toList(),
                            actor,
                            ifMatch != null));
                    return new Outcome<>(state, loaded.version() + events.size(), events);
                })
                .call(outcome -> outcome.changed()
                        ? queryTable.write(unit.connection(), partnershipId, id, outcome.state(), outcome.version())
                        : Uni.createFrom().voidItem())
                .onFailure(e -> e instanceof CommandRejected r && r.reason().equals(CommandRejected.NOT_DEFINED))
                .transform(e -> ProblemException.notFound(what, id));
    }

    /** The aggregate as stored (0 and the initial state when it does not exist). */
    public Uni<Loaded<S>> load(SqlClient client, String partnershipId, String id) {
        return fold(client, streamId(partnershipId, id));
    }

    /** The aggregate as this unit of work sees it: what is stored plus what the unit has staged for it. */
    public Uni<Loaded<S>> load(UnitOfWork unit, String partnershipId, String id) {
        return load(unit, streamId(partnershipId, id));
    }

    /** Every event of one aggregate, who caused it, when, and what it changed; 404 when it does not exist. */
    public Uni<List<History.Entry>> history(String partnershipId, String id) {
        return History.of(store, streamId(partnershipId, id), types, decider, what, id);
    }

    private Uni<Loaded<S>> fold(SqlClient client, String streamId) {
        return store.readStream(client, streamId).map(events -> {
            S state = decider.initialState();
            for (StoredEvent event : events) {
                state = decider.evolve(state, types.decode(event));
            }
            return new Loaded<>(state, events.isEmpty() ? 0 : events.getLast().version());
        });
    }

    private Uni<Loaded<S>> load(UnitOfWork unit, String streamId) {
        return fold(unit.connection(), streamId).map(loaded -> {
            List<NewEvent> staged = unit.staged(streamId);
            S state = loaded.state();
            for (NewEvent event : staged) {
                state = decider.evolve(state, types.decode(event.type(), event.payload()));
            }
            return new Loaded<>(state, loaded.version() + staged.size());
        });
    }
}
