package org.csp.measures.datapoint;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.StoredEvent;
import org.csp.measures.datapoint.DataPointCommand.Key;

/**
 * The query table of each data point's current revision, with the stream it lives in and that stream's version,
 * written in the same transaction as each append: deciding a new figure reads one row, never the point's history.
 */
public final class DataPointTable {

    /** 2: one row per source (the source is part of a data point's identity), numerator and denominator, the stream. */
    static final int FORMAT = 2;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS data_point_state (
                partnership_id text        NOT NULL,
                indicator_code text        NOT NULL,
                geography      text        NOT NULL,
                period         text        NOT NULL,
                source         text        NOT NULL,
                first_day      date        NOT NULL,
                last_day       date        NOT NULL,
                value          numeric     NOT NULL,
                numerator      numeric,
                denominator    numeric,
                status         text        NOT NULL,
                submitted_by   text,
                revision       int         NOT NULL,
                stream_id      text        NOT NULL,
                version        bigint      NOT NULL,
                recorded_at    timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, indicator_code, geography, period, source)
            ) WITH (fillfactor = 80);
            CREATE INDEX IF NOT EXISTS data_point_state_by_day ON data_point_state (partnership_id, indicator_code, first_day)""";

    /** One row: the current revision of one data point, and where its stream stands. */
    public record DataPointRow(
            String partnershipId,
            String indicator,
            String period,
            String geography,
            String source,
            LocalDate firstDay,
            LocalDate lastDay,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String status,
            String submittedBy,
            int revision,
            String streamId,
            long version,
            OffsetDateTime recordedAt) {

        Key key() {
            return new Key(partnershipId, indicator, geography, period, source);
        }
    }

    private DataPointTable() {}

    /** Creates the table; refilled from the events when its format changed (the table of format 1 was data_point). */
    static void prepare(EventStore store) {
        QueryTable.prepare(
                store,
                "data_point_state",
                FORMAT,
                DDL,
                DataPointEvent.TYPES.readTypes(),
                (tx, events) -> tx.query("DROP TABLE IF EXISTS data_point")
                        .execute()
                        .flatMap(ignored ->
                                tx.query("DELETE FROM data_point_state").execute())
                        .flatMap(ignored -> refill(tx, events)));
    }

    private static Uni<Void> refill(SqlConnection tx, List<StoredEvent> events) {
        Map<String, DataPointRow> latest = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (DataPointEvent.TYPES.reads(event.type())) {
                DataPointEvent e = DataPointEvent.TYPES.decode(event);
                ReportingPeriod period = ReportingPeriod.parse(e.period()).orElseThrow();
                latest.put(
                        event.streamId(),
                        new DataPointRow(
                                event.partnershipId(),
                                e.indicatorCode(),
                                period.label(),
                                e.geography(),
                                e.source(),
                                period.firstDay(),
                                period.lastDay(),
                                e.value(),
                                e.numerator(),
                                e.denominator(),
                                e.status(),
                                submittedBy(e),
                                e.revision(),
                                event.streamId(),
                                event.version(),
                                event.occurredAt()));
            }
        }
        List<DataPointRow> rows = new ArrayList<>(latest.values());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += 1000) {
            List<DataPointRow> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            chain = chain.flatMap(ignored -> upsert(tx, chunk));
        }
        return chain;
    }

    static String submittedBy(DataPointEvent e) {
        return switch (e) {
            case DataPointEvent.DataPointRecorded r -> r.submittedBy();
            case DataPointEvent.DataPointRevised r -> r.submittedBy();
        };
    }

    /**
     * Writes the rows in one statement, in key order: two batches over the same points take their row locks in the
     * same order, so the later one waits for the earlier instead of deadlocking with it.
     */
    static Uni<Void> upsert(SqlClient tx, Collection<DataPointRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple()
                .addArrayOfString(strings(rows, DataPointRow::partnershipId))
                .addArrayOfString(strings(rows, DataPointRow::indicator))
                .addArrayOfString(strings(rows, DataPointRow::geography))
                .addArrayOfString(strings(rows, DataPointRow::period))
                .addArrayOfString(strings(rows, DataPointRow::source))
                .addArrayOfLocalDate(rows.stream().map(DataPointRow::firstDay).toArray(LocalDate[]::new))
                .addArrayOfLocalDate(rows.stream().map(DataPointRow::lastDay).toArray(LocalDate[]::new))
                .addArrayOfBigDecimal(rows.stream().map(DataPointRow::value).toArray(BigDecimal[]::new))
                .addArrayOfBigDecimal(rows.stream().map(DataPointRow::numerator).toArray(BigDecimal[]::new))
                .addArrayOfBigDecimal(
                        rows.stream().map(DataPointRow::denominator).toArray(BigDecimal[]::new))
                .addArrayOfString(strings(rows, DataPointRow::status))
                .addArrayOfString(strings(rows, DataPointRow::submittedBy))
                .addArrayOfInteger(rows.stream().map(DataPointRow::revision).toArray(Integer[]::new))
                .addArrayOfString(strings(rows, DataPointRow::streamId))
                .addArrayOfLong(rows.stream().map(DataPointRow::version).toArray(Long[]::new))
                .addArrayOfOffsetDateTime(
                        rows.stream().map(DataPointRow::recordedAt).toArray(OffsetDateTime[]::new));
        return tx.preparedQuery("""
                        INSERT INTO data_point_state (partnership_id, indicator_code, geography, period, source, first_day,
                            last_day, value, numerator, denominator, status, submitted_by, revision, stream_id, version, recorded_at)
                        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[],
                            $8::numeric[], $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::int[], $14::text[],
                            $15::bigint[], $16::timestamptz[])
                         ORDER BY 1, 2, 3, 4, 5
                        ON CONFLICT (partnership_id, indicator_code, geography, period, source) DO UPDATE SET
                            value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                            status = excluded.status, submitted_by = excluded.submitted_by, revision = excluded.revision,
                            stream_id = excluded.stream_id, version = excluded.version, recorded_at = excluded.recorded_at""").execute(columns).replaceWithVoid();
    }

    /**
     * The current rows of these data points, read without locking them: a decision made on a row that a concurrent
     * batch changes meanwhile appends at a version that batch has taken, which the event store refuses as a
     * {@link org.csp.eventsourcing.ConcurrencyConflict}, and the whole transaction is tried again. Locking every row
     * instead would cost a write per point for a race that partner systems rarely run.
     */
    static Uni<Map<Key, DataPointRow>> current(SqlClient tx, Collection<Key> keys) {
        return tx.preparedQuery("""
                        SELECT d.* FROM data_point_state d
                          JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS k(p, i, g, per, s)
                            ON d.partnership_id = k.p AND d.indicator_code = k.i AND d.geography = k.g AND d.period = k.per
                           AND d.source = k.s""")
                .execute(Tuple.tuple()
                        .addArrayOfString(strings(keys, Key::partnershipId))
                        .addArrayOfString(strings(keys, Key::indicatorCode))
                        .addArrayOfString(strings(keys, Key::geography))
                        .addArrayOfString(strings(keys, Key::period))
                        .addArrayOfString(strings(keys, Key::source)))
                .map(rows -> {
                    Map<Key, DataPointRow> current = new HashMap<>();
                    for (DataPointRow row : rows(rows)) {
                        current.put(row.key(), row);
                    }
                    return current;
                });
    }

    /** Current revisions of an indicator's data points, optionally of one geography and source, within [from, to]. */
    static Uni<List<DataPointRow>> list(
            SqlClient client,
            String partnershipId,
            String code,
            String geography,
            String source,
            LocalDate from,
            LocalDate to) {
        return client.preparedQuery("""
                        SELECT * FROM data_point_state
                        WHERE partnership_id = $1 AND indicator_code = $2 AND ($3::text IS NULL OR geography = $3)
                          AND ($4::text IS NULL OR source = $4)
                          AND ($5::date IS NULL OR first_day >= $5) AND ($6::date IS NULL OR last_day <= $6)
                        ORDER BY first_day, geography, source""")
                .execute(Tuple.of(partnershipId, code, geography, source, from, to))
                .map(DataPointTable::rows);
    }

    /** Every current revision of a partnership's data points from {@code from} on (all indicators). */
    static Uni<List<DataPointRow>> since(SqlClient client, String partnershipId, String geography, LocalDate from) {
        return client.preparedQuery("""
                        SELECT * FROM data_point_state
                        WHERE partnership_id = $1 AND ($2::text IS NULL OR geography = $2) AND first_day >= $3
                        ORDER BY indicator_code, first_day, geography, source""")
                .execute(Tuple.of(partnershipId, geography, from))
                .map(DataPointTable::rows);
    }

    static List<DataPointRow> rows(RowSet<Row> rows) {
        List<DataPointRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new DataPointRow(
                    row.getString("partnership_id"),
                    row.getString("indicator_code"),
                    row.getString("period"),
                    row.getString("geography"),
                    row.getString("source"),
                    row.getLocalDate("first_day"),
                    row.getLocalDate("last_day"),
                    row.getBigDecimal("value"),
                    row.getBigDecimal("numerator"),
                    row.getBigDecimal("denominator"),
                    row.getString("status"),
                    row.getString("submitted_by"),
                    row.getInteger("revision"),
                    row.getString("stream_id"),
                    row.getLong("version"),
                    row.getOffsetDateTime("recorded_at")));
        }
        return list;
    }

    private static <T> String[] strings(Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
