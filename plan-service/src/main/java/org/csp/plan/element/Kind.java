package org.csp.plan.element;

import com.fasterxml.jackson.databind.JavaType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.History;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.problem.ProblemException;

import java.util.List;

/**
 * One kind of aggregate of the plan service ({@code initiative}, {@code priority}, {@code review} …): its stream
 * names, event types and decider, and how its state is kept in {@link States} so that lists and the plan tree are
 * read without folding streams. Every stream is {@code <partnership>:<kind>:<id>}.
 */
public record Kind<C, E, S>(String name, String what, EventTypes<E> types, Decider<C, E, S> decider, JavaType stateType) {

    public String streamId(String partnershipId, String id) {
        return partnershipId + ":" + name + ":" + id;
    }

    public Uni<Aggregate.Loaded<S>> load(EventStore store, SqlClient client, String partnershipId, String id) {
        return aggregate(store).load(client, streamId(partnershipId, id));
    }

    public Uni<Aggregate.Loaded<S>> load(EventStore store, UnitOfWork unit, String partnershipId, String id) {
        return aggregate(store).load(unit, streamId(partnershipId, id));
    }

    /**
     * Runs a command in the unit of work and keeps the kind's row in {@link States} in step with what it staged.
     * A command about something that does not exist is a 404.
     */
    public Uni<Aggregate.Outcome<E, S>> handle(EventStore store, UnitOfWork unit, String partnershipId, String id, C command,
                                               Long ifMatch, Actor actor) {
        return aggregate(store).handle(unit, streamId(partnershipId, id), partnershipId, command, ifMatch, actor)
                .call(outcome -> outcome.changed()
                        ? States.upsert(unit.connection(), partnershipId, this, id, outcome.state(), outcome.version())
                        : Uni.createFrom().voidItem())
                .onFailure(e -> e instanceof CommandRejected r && r.reason().equals("not-defined"))
                .transform(e -> ProblemException.notFound(what, id));
    }

    /** Every event of one aggregate, who caused it, when, and what it changed. */
    public Uni<List<History.Entry>> history(EventStore store, String partnershipId, String id) {
        return History.of(store, streamId(partnershipId, id), types, decider, what, id);
    }

    private Aggregate<C, E, S> aggregate(EventStore store) {
        return new Aggregate<>(store, types, decider);
    }
}
