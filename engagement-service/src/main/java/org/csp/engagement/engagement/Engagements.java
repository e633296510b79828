package org.csp.engagement.engagement;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.csp.calendar.UkCalendar;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementTable.EngagementRow;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.History;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;

/** Application service of the engagement feature: each command is one transaction (append + query table). */
@ApplicationScoped
public class Engagements {

    private final EventStore store;
    private final Aggregate<EngagementCommand, EngagementEvent, Engagement> aggregate;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    public Engagements(EventStore store, IdempotentRequests idempotency, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.clock = clock;
        this.aggregate = new Aggregate<>(
                store,
                "engagement",
                "Engagement record",
                EngagementEvent.TYPES,
                Engagement.DECIDER,
                (tx, partnershipId, id, state, version) -> EngagementTable.upsert(tx, partnershipId, state, version));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        EngagementTable.prepare(store);
    }

    /** The answer to a request, and whether it is the stored answer to an earlier one with the same Idempotency-Key. */
    public record Answered(Answer answer, boolean replayed) {}

    /** Today in the UK, the day against which a record's date is checked. */
    LocalDate today() {
        return UkCalendar.today(clock);
    }

    /** Handles a command in one transaction: the append and the query table together; 404 for an unknown record. */
    public Uni<Aggregate.Outcome<EngagementEvent, Engagement>> handle(
            String partnershipId, EngagementCommand command, Long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, command.engagementId(), command, ifMatch, actor);
    }

    /**
     * Records a new engagement and answers with {@code answer} of the outcome. With an Idempotency-Key ({@code key},
     * null without one) the key is claimed in the same transaction as the append and completed with the answer, so a
     * retry gets that answer back and records nothing; the same key for another request is a 409.
     */
    public Uni<Answered> record(
            String partnershipId,
            RecordEngagement command,
            Actor actor,
            String key,
            String requestHash,
            Function<Aggregate.Outcome<EngagementEvent, Engagement>, Answer> answer) {
        return store.inTransaction(unit -> (key == null
                        ? Uni.createFrom().item(Optional.<Answer>empty())
                        : idempotency.claim(unit.connection(), actor, key, requestHash))
                .flatMap(replay -> replay.isPresent()
                        ? Uni.createFrom().item(new Answered(replay.get(), true))
                        : aggregate
                                .handle(unit, partnershipId, command.engagementId(), command, null, actor)
                                .map(answer)
                                .call(first -> key == null
                                        ? Uni.createFrom().voidItem()
                                        : idempotency.complete(unit.connection(), actor, key, first))
                                .map(first -> new Answered(first, false))));
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
