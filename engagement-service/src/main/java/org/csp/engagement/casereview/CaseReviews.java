package org.csp.engagement.casereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewTable.CaseReviewRow;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.StoredEvent;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Application service of ASB case reviews: each step is one transaction (key, append, query table). */
@ApplicationScoped
public class CaseReviews {

    private static final Logger LOG = Logger.getLogger(CaseReviews.class);

    private final EventStore store;
    private final Aggregate<CaseReviewCommand, CaseReviewEvent, CaseReview> aggregate;

    public CaseReviews(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(store, CaseReviewEvent.TYPES, CaseReview.DECIDER);
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        store.pool().query(CaseReviewKeys.DDL + ";\n" + CaseReviewTable.DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    static String streamId(String partnershipId, String caseReference) {
        return partnershipId + ":case-review:" + caseReference;
    }

    /** Receives an application: the case's key is created with it. */
    public Uni<Aggregate.Outcome<CaseReviewEvent, CaseReview>> receive(String partnershipId, ReceiveApplication command, Actor actor) {
        return store.inTransaction(unit -> CaseReviewKeys.create(unit.connection(), partnershipId, command.caseReference())
                .flatMap(key -> handle(unit.connection(), unit, partnershipId, command, null, actor)));
    }

    /**
     * A later step: {@code command} is built with the case's key (to seal its text) once the key is read in this
     * transaction. A review whose key was destroyed takes no more text.
     */
    public Uni<Aggregate.Outcome<CaseReviewEvent, CaseReview>> step(String partnershipId, String caseReference, long ifMatch,
                                                                     Function<CaseReviewKeys.Key, CaseReviewCommand> command,
                                                                     Actor actor) {
        return store.inTransaction(unit -> CaseReviewKeys.find(unit.connection(), partnershipId, caseReference).flatMap(key -> {
            if (key.destroyed()) {
                throw new CommandRejected("case-review-retired",
                        "Case review '" + caseReference + "' is unknown or past its retention period.");
            }
            return handle(unit.connection(), unit, partnershipId, command.apply(key), ifMatch, actor);
        })).onFailure(e -> e instanceof CommandRejected r && r.reason().equals("not-defined"))
                .transform(e -> ProblemException.notFound("Case review", caseReference));
    }

    private Uni<Aggregate.Outcome<CaseReviewEvent, CaseReview>> handle(SqlClient tx, org.csp.eventsourcing.UnitOfWork unit,
                                                                       String partnershipId, CaseReviewCommand command, Long ifMatch,
                                                                       Actor actor) {
        return aggregate.handle(unit, streamId(partnershipId, command.caseReference()), partnershipId, command, ifMatch, actor)
                .call(outcome -> outcome.changed()
                        ? CaseReviewTable.upsert(tx, partnershipId, outcome.state(), outcome.version())
                        : Uni.createFrom().voidItem());
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
    public Uni<Integer> rebuildView() {
        return store.pool().withTransaction(tx -> tx.query("DELETE FROM case_review").execute()
                .flatMap(ignored -> store.readAfter(tx, 0, Integer.MAX_VALUE))
                .flatMap(events -> {
                    Map<String, StoredEvent> last = new LinkedHashMap<>();
                    Map<String, CaseReview> states = new LinkedHashMap<>();
                    for (StoredEvent event : events) {
                        if (!CaseReviewEvent.TYPES.reads(event.type())) {
                            continue;
                        }
                        CaseReview state = states.getOrDefault(event.streamId(), CaseReview.DECIDER.initialState());
                        states.put(event.streamId(), CaseReview.DECIDER.evolve(state, CaseReviewEvent.TYPES.decode(event)));
                        last.put(event.streamId(), event);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<String, CaseReview> entry : states.entrySet()) {
                        StoredEvent event = last.get(entry.getKey());
                        chain = chain.flatMap(ignored -> CaseReviewTable.upsert(tx, event.partnershipId(), entry.getValue(), event.version()));
                    }
                    LOG.infof("case_review rebuilt from the event store: %d case reviews", states.size());
                    return chain.replaceWith(states.size());
                }));
    }
}
