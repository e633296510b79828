package org.csp.plan.element;

import com.fasterxml.jackson.databind.JavaType;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.Decider;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;

/**
 * One kind of aggregate of the plan service ({@code initiative}, {@code priority}, {@code review} …): its stream
 * names, event types and decider, and how its state is kept in {@link States} so that lists and the plan tree are
 * read without folding streams. Every stream is {@code <partnership>:<kind>:<id>}.
 */
public record Kind<C, E, S>(
        String name, String what, EventTypes<E> types, Decider<C, E, S> decider, JavaType stateType) {

    public String streamId(String partnershipId, String id) {
        return partnershipId + ":" + name + ":" + id;
    }

    /** The kernel's application service for this kind, its state kept in {@link States}. */
    public Aggregate<C, E, S> aggregate(EventStore store) {
        return new Aggregate<>(
                store,
                name,
                what,
                types,
                decider,
                (tx, partnershipId, id, state, version) -> States.upsert(tx, partnershipId, this, id, state, version));
    }
}
