package org.csp.engagement.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.csp.engagement.consultation.ConsultationTable.ConsultationRow;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;

/** Application service of consultations and surveys: each command is one transaction (append + query table). */
@ApplicationScoped
public class Consultations {

    private final EventStore store;
    private final Aggregate<ConsultationCommand, ConsultationEvent, Consultation> aggregate;

    public Consultations(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(
                store,
                "consultation",
                "Consultation",
                ConsultationEvent.TYPES,
                Consultation.DECIDER,
                ConsultationTable::upsert);
    }

    /** Creates the query table; refills it from the events when its format changes. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        ConsultationTable.prepare(store);
    }

    public Uni<Aggregate.Outcome<ConsultationEvent, Consultation>> handle(
            String partnershipId, ConsultationCommand command, Long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, command.consultationId(), command, ifMatch, actor);
    }

    /** The partnership's consultations, or the one with {@code consultationId}. */
    public Uni<List<ConsultationRow>> list(String partnershipId, String consultationId) {
        return ConsultationTable.list(store.pool(), partnershipId, consultationId);
    }
}
