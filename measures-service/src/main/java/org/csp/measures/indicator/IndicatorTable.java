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
public final class IndicatorCatalogue {

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

    private IndicatorCatalogue() {
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

    static Uni<List<IndicatorDefined>> list(SqlClient client, String partnershipId, Integer priority) {
        return client.preparedQuery("""
                        SELECT * FROM indicator WHERE partnership_id = $1 AND ($2::int IS NULL OR priority = $2)
                        ORDER BY priority, code""")
                .execute(Tuple.of(partnershipId, priority))
                .map(IndicatorCatalogue::definitions);
    }

    static Uni<Optional<IndicatorDefined>> find(SqlClient client, String partnershipId, String code) {
        return client.preparedQuery("SELECT * FROM indicator WHERE partnership_id = $1 AND code = $2")
                .execute(Tuple.of(partnershipId, code))
                .map(rows -> definitions(rows).stream().findFirst());
    }

    private static List<IndicatorDefined> definitions(RowSet<Row> rows) {
        List<IndicatorDefined> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new IndicatorDefined(row.getString("code"), row.getString("title"), row.getString("description"),
                    row.getInteger("priority"), row.getString("unit"), row.getString("frequency"),
                    row.getString("polarity"), Arrays.asList(row.getArrayOfStrings("sources")), row.getString("baseline")));
        }
        return list;
    }
}
