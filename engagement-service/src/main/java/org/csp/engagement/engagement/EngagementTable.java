package org.csp.engagement.engagement;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StateJson;

/**
 * The query table behind {@code GET /api/engagements}: each record's folded state with the columns it is filtered
 * by, written in the same transaction as each append. Derived: when {@link #FORMAT} changes it is refilled from the
 * event store at start ({@link QueryTable}).
 */
final class EngagementTable {

    /** Bump when the state record changes shape. */
    static final int FORMAT = 2; // 2: organisations by registry id, with their names

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS engagement_state (
                partnership_id text    NOT NULL,
                engagement_id  text    NOT NULL,
                version        bigint  NOT NULL,
                type           text    NOT NULL,
                start_date     date    NOT NULL,
                withdrawn      boolean NOT NULL,
                priorities     int[]   NOT NULL,
                place_gss      text,
                state          jsonb   NOT NULL,
                PRIMARY KEY (partnership_id, engagement_id));
            CREATE INDEX IF NOT EXISTS engagement_state_by_date ON engagement_state (partnership_id, start_date);
            CREATE TABLE IF NOT EXISTS engagement_state_format (format int NOT NULL);
            DROP TABLE IF EXISTS engagement""";

    /** A record with its stream version. */
    record EngagementRow(Engagement state, long version) {}

    /** What the list is filtered by; null means any. */
    record Filter(
            LocalDate from, LocalDate to, String type, Integer priority, String place, boolean includeWithdrawn) {}

    private EngagementTable() {}

    /** Creates the table; refills it from the events when it was written in another format (or never). */
    static void prepare(EventStore store) {
        QueryTable.prepare(
                store,
                "engagement_state",
                FORMAT,
                DDL,
                EngagementEvent.TYPES.readTypes(),
                (tx, events) -> QueryTable.refill(
                        tx,
                        "engagement_state",
                        events,
                        EngagementEvent.TYPES,
                        Engagement.DECIDER,
                        f -> upsert(tx, f.partnershipId(), f.state(), f.version())));
    }

    static Uni<Void> upsert(SqlClient tx, String partnershipId, Engagement state, long version) {
        EngagementEvent.Details d = state.details();
        return tx.preparedQuery("""
                        INSERT INTO engagement_state (partnership_id, engagement_id, version, type, start_date, withdrawn,
                            priorities, place_gss, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (partnership_id, engagement_id) DO UPDATE SET version = excluded.version,
                            type = excluded.type, start_date = excluded.start_date, withdrawn = excluded.withdrawn,
                            priorities = excluded.priorities, place_gss = excluded.place_gss, state = excluded.state""")
                .execute(Tuple.tuple()
                        .addString(partnershipId)
                        .addString(state.id())
                        .addLong(version)
                        .addString(d.type())
                        .addLocalDate(d.startDate())
                        .addBoolean(state.withdrawn())
                        .addArrayOfInteger(d.priorities().toArray(Integer[]::new))
                        .addString(d.place() == null ? null : d.place().gss())
                        .addValue(StateJson.write(state)))
                .replaceWithVoid();
    }

    static Uni<List<EngagementRow>> list(SqlClient client, String partnershipId, Filter f) {
        return client.preparedQuery("""
                        SELECT version, state FROM engagement_state
                        WHERE partnership_id = $1 AND ($2::date IS NULL OR start_date >= $2) AND ($3::date IS NULL OR start_date <= $3)
                          AND ($4::text IS NULL OR type = $4) AND ($5::int IS NULL OR $5 = ANY(priorities))
                          AND ($6::text IS NULL OR place_gss = $6) AND ($7 OR NOT withdrawn)
                        ORDER BY start_date, engagement_id""")
                .execute(Tuple.tuple()
                        .addString(partnershipId)
                        .addLocalDate(f.from())
                        .addLocalDate(f.to())
                        .addString(f.type())
                        .addInteger(f.priority())
                        .addString(f.place())
                        .addBoolean(f.includeWithdrawn()))
                .map(rows -> {
                    List<EngagementRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new EngagementRow(
                                StateJson.read(row.getJsonObject("state"), Engagement.class), row.getLong("version")));
                    }
                    return list;
                });
    }
}
