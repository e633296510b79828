package org.csp.engagement.consultation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
import org.csp.problem.ProblemException;
import org.csp.eventsourcing.StateJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Application service of consultations and surveys: each command is one transaction (append + query table). */
@ApplicationScoped
public class Consultations {

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
        this.aggregate = new Aggregate<>(store, ConsultationEvent.TYPES, Consultation.DECIDER);
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        store.pool().query(DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    static String streamId(String partnershipId, String consultationId) {
        return partnershipId + ":consultation:" + consultationId;
    }

    public Uni<Aggregate.Outcome<ConsultationEvent, Consultation>> handle(String partnershipId, Consultation.Command command,
                                                                          Long ifMatch, Actor actor) {
        return store.inTransaction(unit -> aggregate.handle(unit, streamId(partnershipId, command.consultationId()), partnershipId,
                        command, ifMatch, actor)
                .call(outcome -> outcome.changed() ? unit.connection().preparedQuery("""
                                INSERT INTO consultation_state (partnership_id, consultation_id, version, state) VALUES ($1, $2, $3, $4)
                                ON CONFLICT (partnership_id, consultation_id) DO UPDATE SET version = excluded.version,
                                    state = excluded.state""")
                        .execute(Tuple.of(partnershipId, command.consultationId(), outcome.version(), StateJson.write(outcome.state())))
                        .replaceWithVoid() : Uni.createFrom().voidItem()))
                .onFailure(e -> e instanceof CommandRejected r && r.reason().equals("not-defined"))
                .transform(e -> ProblemException.notFound("Consultation", command.consultationId()));
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
