package org.csp.plan.initiative;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeSummaryTable.InitiativeSummaryRow;
import org.csp.problem.ProblemException;

import java.time.Duration;
import java.util.List;

/** Application service of the initiative feature: each command is one transaction (append + query table). */
@ApplicationScoped
public class Initiatives {

    private final EventStore store;
    private final Aggregate<InitiativeCommand, InitiativeEvent, Initiative> aggregate;

    public Initiatives(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(store, InitiativeEvent.TYPES, Initiative.DECIDER);
    }

    /** Creates the query table before anything else touches it (plan files are loaded after this). */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        store.pool().query(InitiativeSummaryTable.DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    static String streamId(String partnershipId, String initiativeId) {
        return partnershipId + ":initiative:" + initiativeId;
    }

    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> updateProgress(String partnershipId, UpdateProgress command,
                                                                               Long ifMatch, Actor actor) {
        return store.inTransaction(unit -> handle(unit, partnershipId, command.initiativeId(), command, ifMatch, actor))
                .onFailure(e -> e instanceof CommandRejected r && r.reason().equals("initiative-not-defined"))
                .transform(e -> ProblemException.notFound("Initiative", command.initiativeId()));
    }

    /** Defines an initiative unless it already exists; used when a plan is loaded. */
    public Uni<Boolean> define(UnitOfWork unit, String partnershipId, DefineInitiative command) {
        return handle(unit, partnershipId, command.initiativeId(), command, null, Actor.SYSTEM)
                .map(Aggregate.Outcome::changed);
    }

    public Uni<Aggregate.Loaded<Initiative>> load(String partnershipId, String initiativeId) {
        return aggregate.load(store.pool(), streamId(partnershipId, initiativeId));
    }

    public Uni<List<InitiativeSummaryRow>> list(String partnershipId) {
        return InitiativeSummaryTable.list(store.pool(), partnershipId);
    }

    private Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> handle(UnitOfWork unit, String partnershipId, String initiativeId,
                                                                       InitiativeCommand command, Long ifMatch, Actor actor) {
        return aggregate.handle(unit, streamId(partnershipId, initiativeId), partnershipId, command, ifMatch, actor)
                .call(outcome -> outcome.changed()
                        ? InitiativeSummaryTable.upsert(unit.connection(), partnershipId, outcome.state(), outcome.version())
                        : Uni.createFrom().voidItem());
    }
}
