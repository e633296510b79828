package org.csp.measures.datapoint;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The query table of each data point's current revision, updated in the same transaction as each append. */
final class DataPointTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS data_point (
                partnership_id text        NOT NULL,
                indicator_code text        NOT NULL,
                geography      text        NOT NULL,
                period         text        NOT NULL,
                first_day      date        NOT NULL,
                last_day       date        NOT NULL,
                value          numeric     NOT NULL,
                status         text        NOT NULL,
                source         text        NOT NULL,
                submitted_by   text,
                revision       int         NOT NULL,
                recorded_at    timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, indicator_code, geography, period)
            );
            CREATE INDEX IF NOT EXISTS data_point_by_day ON data_point (partnership_id, indicator_code, first_day)""";

    /** One row: the current revision of one data point. */
    record DataPointRow(String indicator, String period, String geography, BigDecimal value, String status, String source,
                   String submittedBy, int revision, OffsetDateTime recordedAt) {
    }

    private DataPointTable() {
    }

    static Uni<Void> upsert(SqlClient tx, String partnershipId, Period period, DataPointRecorded r, OffsetDateTime recordedAt) {
        return tx.preparedQuery("""
                        INSERT INTO data_point (partnership_id, indicator_code, geography, period, first_day, last_day, value,
                            status, source, submitted_by, revision, recorded_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        ON CONFLICT (partnership_id, indicator_code, geography, period) DO UPDATE SET value = excluded.value,
                            status = excluded.status, source = excluded.source, submitted_by = excluded.submitted_by,
                            revision = excluded.revision, recorded_at = excluded.recorded_at""")
                .execute(Tuple.tuple().addString(partnershipId).addString(r.indicatorCode()).addString(r.geography())
                        .addString(r.period()).addLocalDate(period.firstDay()).addLocalDate(period.lastDay())
                        .addValue(r.value()).addString(r.status()).addString(r.source()).addString(r.submittedBy())
                        .addInteger(r.revision()).addOffsetDateTime(recordedAt))
                .replaceWithVoid();
    }

    /** Current revisions of an indicator's data points, optionally of one geography and within [from, to]. */
    static Uni<List<DataPointRow>> list(SqlClient client, String partnershipId, String code, String geography,
                                   LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                        SELECT * FROM data_point
                        WHERE partnership_id = $1 AND indicator_code = $2 AND ($3::text IS NULL OR geography = $3)
                          AND ($4::date IS NULL OR first_day >= $4) AND ($5::date IS NULL OR last_day <= $5)
                        ORDER BY first_day, geography""")
                .execute(Tuple.of(partnershipId, code, geography, from, to))
                .map(rows -> {
                    List<DataPointRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new DataPointRow(row.getString("indicator_code"), row.getString("period"), row.getString("geography"),
                                row.getBigDecimal("value"), row.getString("status"), row.getString("source"),
                                row.getString("submitted_by"), row.getInteger("revision"), row.getOffsetDateTime("recorded_at")));
                    }
                    return list;
                });
    }
}
