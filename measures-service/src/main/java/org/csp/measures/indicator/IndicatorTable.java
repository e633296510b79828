package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StateJson;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/** The query table of each indicator's current definition, written in the same transaction as each append. */
public final class IndicatorTable {

    /**
     * 2: the whole definition (roll-up, targets, tolerance, disclosure threshold, level, derivation) and the version.
     * 3: an indicator without a priority. 4: the public flag.
     */
    static final int FORMAT = 4;

    /** One row: an indicator's current definition and the version of its stream (its ETag). */
    public record IndicatorRow(String code, IndicatorDefinition definition, long version) {

        public IndicatorRules rules() {
            return IndicatorRules.of(code, definition);
        }
    }

    private IndicatorTable() {}

    /** Creates the table, refilled from the events when its format changed. */
    static void prepare(EventStore store) {
        QueryTable.prepare(
                store,
                "indicator_state",
                FORMAT,
                "CREATE TABLE IF NOT EXISTS indicator_state (partnership_id text NOT NULL, code text NOT NULL, "
                        + "priority int, definition jsonb NOT NULL, version bigint NOT NULL, PRIMARY KEY (partnership_id, code))",
                IndicatorEvent.TYPES.readTypes(),
                // the table of format 1 was called indicator; format 3 allows an indicator without a priority
                (tx, events) -> tx.query("DROP TABLE IF EXISTS indicator")
                        .execute()
                        .flatMap(ignored -> tx.query("ALTER TABLE indicator_state ALTER COLUMN priority DROP NOT NULL")
                                .execute())
                        .flatMap(ignored -> QueryTable.refill(
                                tx,
                                "indicator_state",
                                events,
                                IndicatorEvent.TYPES,
                                Indicator.DECIDER,
                                f -> upsert(
                                        tx,
                                        f.partnershipId(),
                                        f.state().code(),
                                        f.state().definition(),
                                        f.version()))));
    }

    static Uni<Void> upsert(SqlClient tx, String partnershipId, String code, IndicatorDefinition d, long version) {
        return tx.preparedQuery("""
                        INSERT INTO indicator_state (partnership_id, code, priority, definition, version)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (partnership_id, code) DO UPDATE SET priority = excluded.priority,
                            definition = excluded.definition, version = excluded.version""")
                .execute(Tuple.of(partnershipId, code, d.priority(), StateJson.write(d), version))
                .replaceWithVoid();
    }

    static Uni<List<IndicatorRow>> list(SqlClient client, String partnershipId, Integer priority) {
        return client.preparedQuery("""
                        SELECT code, definition, version FROM indicator_state
                         WHERE partnership_id = $1 AND ($2::int IS NULL OR priority = $2) ORDER BY priority NULLS LAST, code""")
                .execute(Tuple.of(partnershipId, priority))
                .map(IndicatorTable::rows);
    }

    static Uni<Optional<IndicatorRow>> find(SqlClient client, String partnershipId, String code) {
        return client.preparedQuery(
                        "SELECT code, definition, version FROM indicator_state WHERE partnership_id = $1 AND code = $2")
                .execute(Tuple.of(partnershipId, code))
                .map(rows -> rows(rows).stream().findFirst());
    }

    private static List<IndicatorRow> rows(RowSet<Row> rows) {
        List<IndicatorRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new IndicatorRow(
                    row.getString("code"),
                    StateJson.read((JsonObject) row.getJson("definition"), IndicatorDefinition.class),
                    row.getLong("version")));
        }
        return list;
    }
}
