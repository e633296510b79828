package org.csp.engagement.engagement;

import org.csp.calendar.UkCalendar;
import java.time.Clock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.engagement.engagement.EngagementTable.EngagementRow;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.History;
import org.csp.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Application service of the engagement feature: each command is one transaction (append + query table). */
@ApplicationScoped
public class Engagements {

    private final EventStore store;
    private final Aggregate<EngagementCommand, EngagementEvent, Engagement> aggregate;
    private final Clock clock;

    public Engagements(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.aggregate = new Aggregate<>(store, "engagement", "Engagement record", EngagementEvent.TYPES, Engagement.DECIDER,
                (tx, partnershipId, id, state, version) -> EngagementTable.upsert(tx, partnershipId, state, version));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        EngagementTable.prepare(store);
    }

    /**
     * The id of a new record: derived from the client's Idempotency-Key (scoped to the partnership and the caller)
     * so that a retry lands on the same record, or random when the client sent no key.
     */
    static String newId(String partnershipId, Actor actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        String scope = String.join("\n", partnershipId, actor.client(), actor.subject(), idempotencyKey);
        return UUID.nameUUIDFromBytes(scope.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Today in the UK, the day against which a record's date is checked. */
    LocalDate today() {
        return UkCalendar.today(clock);
    }

    /** Handles a command in one transaction: the append and the query table together; 404 for an unknown record. */
    public Uni<Aggregate.Outcome<EngagementEvent, Engagement>> handle(String partnershipId, EngagementCommand command, Long ifMatch,
                                                                      Actor actor) {
        return aggregate.execute(partnershipId, command.engagementId(), command, ifMatch, actor);
    }

    public Uni<Aggregate.Loaded<Engagement>> load(String partnershipId, String engagementId) {
        return aggregate.load(store.pool(), partnershipId, engagementId);
    }

    public Uni<List<EngagementRow>> list(String partnershipId, EngagementTable.Filter filter) {
        return EngagementTable.list(store.pool(), partnershipId, filter);
    }

    public Uni<List<History.Entry>> history(String partnershipId, String engagementId) {
        return aggregate.history(partnershipId, engagementId);
    }
}
