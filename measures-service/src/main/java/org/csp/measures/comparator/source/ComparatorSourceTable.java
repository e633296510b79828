package org.csp.measures.comparator.source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StateJson;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;

/**
 * The query table {@code comparator_source_state}: each source's current mapping by its scope (a partnership's id, or
 * the county board's for the county's sources) and id, with the version of its stream (its ETag).
 */
final class ComparatorSourceTable {

    static final int FORMAT = 1;

    /** One row: a source's scope, id, current mapping and stream version. */
    record SourceRow(String scope, String id, Mapping mapping, long version) {}

    private ComparatorSourceTable() {}

    static void prepare(EventStore store) {
        QueryTable.prepare(
                store,
                "comparator_source_state",
                FORMAT,
                """
                CREATE TABLE IF NOT EXISTS comparator_source_state (scope text NOT NULL, source_id text NOT NULL,
                    mapping jsonb NOT NULL, version bigint NOT NULL, PRIMARY KEY (scope, source_id))""",
                ComparatorSourceEvent.TYPES.readTypes(),
                (tx, events) -> QueryTable.refill(
                        tx,
                        "comparator_source_state",
                        events,
                        ComparatorSourceEvent.TYPES,
                        ComparatorSource.DECIDER,
                        f -> upsert(tx, f.partnershipId(), f.state(), f.version())));
    }

    static Uni<Void> upsert(SqlClient tx, String scope, ComparatorSource state, long version) {
        return tx.preparedQuery("""
                        INSERT INTO comparator_source_state (scope, source_id, mapping, version) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (scope, source_id) DO UPDATE SET mapping = excluded.mapping, version = excluded.version""")
                .execute(Tuple.of(scope, state.id(), StateJson.write(state.mapping()), version))
                .replaceWithVoid();
    }

    /** The sources of these scopes, by scope in the given order, then by id. */
    static Uni<List<SourceRow>> list(SqlClient client, List<String> scopes) {
        return client.preparedQuery("""
                        SELECT * FROM comparator_source_state WHERE scope = ANY($1)
                         ORDER BY array_position($1, scope), source_id""")
                .execute(Tuple.of(scopes.toArray(String[]::new)))
                .map(ComparatorSourceTable::rows);
    }

    private static List<SourceRow> rows(RowSet<Row> rows) {
        List<SourceRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new SourceRow(
                    row.getString("scope"),
                    row.getString("source_id"),
                    StateJson.read((JsonObject) row.getJson("mapping"), Mapping.class),
                    row.getLong("version")));
        }
        return list;
    }
}
