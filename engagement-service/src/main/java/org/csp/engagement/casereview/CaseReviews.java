package org.csp.engagement.casereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.function.Function;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewTable.CaseReviewRow;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StoredEvent;
import org.csp.problem.ProblemException;

/** Application service of ASB case reviews: each step is one transaction (key, append, query table). */
@ApplicationScoped
public class CaseReviews {

    private final EventStore store;
    private final Aggregate<CaseReviewCommand, CaseReviewEvent, CaseReview> aggregate;

    public CaseReviews(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(
                store,
                "case-review",
                "Case review",
                CaseReviewEvent.TYPES,
                CaseReview.DECIDER,
                (tx, partnershipId, reference, state, version) ->
                        CaseReviewTable.upsert(tx, partnershipId, state, version));
    }

    /** Creates the key and query tables; the query table is refilled from the events when its format changes. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        QueryTable.prepare(
                store,
                "case_review",
                CaseReviewTable.FORMAT,
                CaseReviewKeys.DDL + ";\n" + CaseReviewTable.DDL,
                CaseReviewEvent.TYPES.readTypes(),
                this::refill);
    }

    /** Receives an application: the case's key is created with it. */
    public Uni<Aggregate.Outcome<CaseReviewEvent, CaseReview>> receive(
            String partnershipId, ReceiveApplication command, Actor actor) {
        return store.inTransaction(
                unit -> CaseReviewKeys.create(unit.connection(), partnershipId, command.caseReference())
                        .flatMap(created ->
                                aggregate.handle(unit, partnershipId, command.caseReference(), command, null, actor)));
    }

    /**
     * A later step: {@code command} is built with the case's key (to seal its text) once the key is read in this
     * transaction. A review whose key was destroyed takes no more text.
     */
    public Uni<Aggregate.Outcome<CaseReviewEvent, CaseReview>> step(
            String partnershipId,
            String caseReference,
            long ifMatch,
            Function<CaseReviewKeys.Key, CaseReviewCommand> command,
            Actor actor) {
        return store.inTransaction(unit -> CaseReviewKeys.find(unit.connection(), partnershipId, caseReference)
                .flatMap(key -> {
                    if (key.destroyed()) {
                        throw new CommandRejected(
                                "case-review-retired",
                                "Case review '" + caseReference + "' is unknown or past its retention period.");
                    }
                    return aggregate.handle(unit, partnershipId, caseReference, command.apply(key), ifMatch, actor);
                }));
    }

    public Uni<List<CaseReviewRow>> list(String partnershipId) {
        return CaseReviewTable.list(store.pool(), partnershipId, null);
    }

    public Uni<CaseReviewRow> get(String partnershipId, String caseReference) {
        return CaseReviewTable.list(store.pool(), partnershipId, caseReference).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Case review", caseReference);
            }
            return rows.getFirst();
        });
    }

    /** Refills the query table from the event store (the view is derived; its free text stays sealed). */
    public Uni<Void> rebuildView() {
        return store.pool()
                .withTransaction(tx -> store.readAfter(tx, 0, Integer.MAX_VALUE).flatMap(events -> refill(tx, events)));
    }

    private Uni<Void> refill(SqlConnection tx, List<StoredEvent> events) {
        return QueryTable.refill(
                tx,
                "case_review",
                events,
                CaseReviewEvent.TYPES,
                CaseReview.DECIDER,
                f -> CaseReviewTable.upsert(tx, f.partnershipId(), f.state(), f.version()));
    }
}
