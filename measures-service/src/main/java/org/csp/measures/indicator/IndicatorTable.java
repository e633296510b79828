package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The query table behind {@code GET /api/indicators}, updated in the same transaction as each append. */
public final class IndicatorTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS indicator (
                partnership_id text   NOT NULL,
                code           text   NOT NULL,
                title          text   NOT NULL,
                description    text,
                priority       int    NOT NULL,
                unit           text   NOT NULL,
                frequency      text   NOT NULL,
                polarity       text   NOT NULL,
                sources        text[] NOT NULL,
                baseline       text,
                version        bigint NOT NULL,
                PRIMARY KEY (partnership_id, code)
            )""";

    /** One row: an indicator as the catalogue lists it. */
    public record IndicatorRow(String code, String title, String description, int priority, String unit, String frequency,
                               String polarity, List<String> sources, String baseline) {
        public IndicatorRow {
            sources = List.copyOf(sources);
        }

        /** What its data points must satisfy; the codes in the table were checked when it was defined. */
        public IndicatorRules rules() {
            return new IndicatorRules(code, Unit.of(unit), Frequency.of(frequency), sources);
        }
    }

    private IndicatorTable() {
    }

    static Uni<Void> upsert(SqlClient tx, String partnershipId, IndicatorDefined d, long version) {
        return tx.preparedQuery("""
                        INSERT INTO indicator (partnership_id, code, title, description, priority, unit, frequency, polarity,
                            sources, baseline, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (partnership_id, code) DO UPDATE SET title = excluded.title,
                            description = excluded.description, priority = excluded.priority, unit = excluded.unit,
                            frequency = excluded.frequency, polarity = excluded.polarity, sources = excluded.sources,
                            baseline = excluded.baseline, version = excluded.version""")
                .execute(Tuple.tuple().addString(partnershipId).addString(d.code()).addString(d.title())
                        .addString(d.description()).addInteger(d.priority()).addString(d.unit()).addString(d.frequency())
                        .addString(d.polarity()).addArrayOfString(d.sources().toArray(String[]::new))
                        .addString(d.baseline()).addLong(version))
                .replaceWithVoid();
    }

    static Uni<List<IndicatorRow>> list(SqlClient client, String partnershipId, Integer priority) {
        return client.preparedQuery("""
                        SELECT * FROM indicator WHERE partnership_id = $1 AND ($2::int IS NULL OR priority = $2)
                        ORDER BY priority, code""")
                .execute(Tuple.of(partnershipId, priority))
                .map(IndicatorTable::rows);
    }

    static Uni<Optional<IndicatorRow>> find(SqlClient client, String partnershipId, String code) {
        return client.preparedQuery("SELECT * FROM indicator WHERE partnership_id = $1 AND code = $2")
                .execute(Tuple.of(partnershipId, code))
                .map(rows -> rows(rows).stream().findFirst());
    }

    private static List<IndicatorRow> rows(RowSet<Row> rows) {
        List<IndicatorRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new IndicatorRow(row.getString("code"), row.getString("title"), row.getString("description"),
                    row.getInteger("priority"), row.getString("unit"), row.getString("frequency"),
                    row.getString("polarity"), Arrays.asList(row.getArrayOfStrings("sources")), row.getString("baseline")));
        }
        return list;
    }
}
