package org.csp.engagement.consultation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.QueryTable;
import org.csp.problem.ProblemException;
import org.csp.eventsourcing.StateJson;

import java.util.ArrayList;
import java.util.List;

/** Application service of consultations and surveys: each command is one transaction (append + query table). */
@ApplicationScoped
public class Consultations {

    /** Bump when {@link Consultation} changes shape: the next start refills the table from the events. */
    static final int FORMAT = 1;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS consultation_state (
                partnership_id  text   NOT NULL,
                consultation_id text   NOT NULL,
                version         bigint NOT NULL,
                state           jsonb  NOT NULL,
                PRIMARY KEY (partnership_id, consultation_id))""";

    /** A consultation with its stream version. */
    public record Versioned(Consultation state, long version) {
    }

    private final EventStore store;
    private final Aggregate<Consultation.Command, ConsultationEvent, Consultation> aggregate;

    public Consultations(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(store, "consultation", "Consultation", ConsultationEvent.TYPES, Consultation.DECIDER,
                Consultations::write);
    }

    /** Creates the query table; refills it from the events when its format changes. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        QueryTable.prepare(store, "consultation_state", FORMAT, DDL, (tx, events) -> tx.query("DELETE FROM consultation_state").execute()
                .flatMap(ignored -> QueryTable.writeAll(QueryTable.fold(events, ConsultationEvent.TYPES, Consultation.DECIDER),
                        f -> write(tx, f.partnershipId(), f.state().opened().consultationId(), f.state(), f.version()))));
    }

    public Uni<Aggregate.Outcome<ConsultationEvent, Consultation>> handle(String partnershipId, Consultation.Command command,
                                                                          Long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, command.consultationId(), command, ifMatch, actor);
    }

    private static Uni<Void> write(SqlClient tx, String partnershipId, String consultationId, Consultation state, long version) {
        return tx.preparedQuery("""
                        INSERT INTO consultation_state (partnership_id, consultation_id, version, state) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (partnership_id, consultation_id) DO UPDATE SET version = excluded.version, state = excluded.state""")
                .execute(Tuple.of(partnershipId, consultationId, version, StateJson.write(state)))
                .replaceWithVoid();
    }

    public Uni<List<Versioned>> list(String partnershipId, String consultationId) {
        return store.pool().preparedQuery("""
                        SELECT version, state FROM consultation_state
                         WHERE partnership_id = $1 AND ($2::text IS NULL OR consultation_id = $2)
                         ORDER BY state->'opened'->>'opensOn', consultation_id""")
                .execute(Tuple.of(partnershipId, consultationId))
                .map(rows -> {
                    List<Versioned> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new Versioned(StateJson.read(row.getJsonObject("state"), Consultation.class), row.getLong("version")));
                    }
                    return list;
                });
    }
}
