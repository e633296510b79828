package org.csp.engagement.consultation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StateJson;

/**
 * The query table behind {@code GET /api/consultations}: each consultation's folded state, written in the same
 * transaction as each append. Derived: when {@link #FORMAT} changes it is refilled from the events at start.
 */
final class ConsultationTable {

    /** Bump when {@link Consultation} changes shape. 2: a sealed state per stage. */
    static final int FORMAT = 2;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS consultation_state (
                partnership_id  text   NOT NULL,
                consultation_id text   NOT NULL,
                version         bigint NOT NULL,
                state           jsonb  NOT NULL,
                PRIMARY KEY (partnership_id, consultation_id))""";

    /** A consultation with its stream version. */
    record ConsultationRow(Consultation state, long version) {}

    private ConsultationTable() {}

    /** Creates the table; refills it from the events when it was written in another format (or never). */
    static void prepare(EventStore store) {
        QueryTable.prepare(
                store,
                "consultation_state",
                FORMAT,
                DDL,
                ConsultationEvent.TYPES.readTypes(),
                (tx, events) -> QueryTable.refill(
                        tx,
                        "consultation_state",
                        events,
                        ConsultationEvent.TYPES,
                        Consultation.DECIDER,
                        f -> f.state() instanceof Consultation.Opened opened
                                ? upsert(tx, f.partnershipId(), opened.id(), opened, f.version())
                                : Uni.createFrom().voidItem()));
    }

    static Uni<Void> upsert(
            SqlClient tx, String partnershipId, String consultationId, Consultation state, long version) {
        return tx.preparedQuery("""
                        INSERT INTO consultation_state (partnership_id, consultation_id, version, state) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (partnership_id, consultation_id) DO UPDATE SET version = excluded.version, state = excluded.state""")
                .execute(Tuple.of(partnershipId, consultationId, version, StateJson.write(state)))
                .replaceWithVoid();
    }

    /** The partnership's consultations (one, when {@code consultationId} is given), by opening date. */
    static Uni<List<ConsultationRow>> list(SqlClient client, String partnershipId, String consultationId) {
        return client.preparedQuery("""
                        SELECT version, state FROM consultation_state
                         WHERE partnership_id = $1 AND ($2::text IS NULL OR consultation_id = $2)
                         ORDER BY state->'terms'->>'opensOn', consultation_id""")
                .execute(Tuple.of(partnershipId, consultationId))
                .map(rows -> {
                    List<ConsultationRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new ConsultationRow(
                                StateJson.read(row.getJsonObject("state"), Consultation.class),
                                row.getLong("version")));
                    }
                    return list;
                });
    }
}
