package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.csp.eventsourcing.Unnest;
import org.csp.eventsourcing.projection.BatchPlan.Gap;
import org.csp.eventsourcing.projection.BatchPlan.Parking;
import org.csp.eventsourcing.projection.BatchPlan.StreamKey;
import org.jboss.logging.Logger;

/**
 * The consumer's bookkeeping in a generation's schema ({@link ProjectionTables}), read and written in the batch's
 * transaction: the last applied version per stream, parked records, unresolved gaps and the next offset per partition.
 * Versions and offsets only move forward.
 */
final class Bookkeeping {

    private static final Logger LOG = Logger.getLogger(Bookkeeping.class);
    private static final int PARKED_VALUE_LIMIT = 64 * 1024;

    private Bookkeeping() {}

    /** The last applied version of each of these streams that has one. */
    static Uni<Map<StreamKey, Long>> versions(SqlConnection tx, Collection<StreamKey> streams) {
        Unnest<StreamKey> keys =
                Unnest.of(streams).text("source", StreamKey::source).text("stream_id", StreamKey::subject);
        return tx.preparedQuery("SELECT s.source, s.stream_id, s.version FROM consumer_stream s JOIN " + keys.as("k")
                        + " ON s.source = k.source AND s.stream_id = k.stream_id")
                .execute(keys.parameters())
                .map(rows -> {
                    Map<StreamKey, Long> versions = new HashMap<>();
                    for (Row row : rows) {
                        versions.put(
                                new StreamKey(row.getString("source"), row.getString("stream_id")),
                                row.getLong("version"));
                    }
                    return versions;
                });
    }

    static Uni<Map<StreamKey, Gap>> gaps(SqlConnection tx) {
        return tx.query("SELECT * FROM consumer_gap").execute().map(rows -> {
            Map<StreamKey, Gap> gaps = new HashMap<>();
            for (Row row : rows) {
                gaps.put(
                        new StreamKey(row.getString("source"), row.getString("stream_id")),
                        new Gap(
                                row.getLong("expected_version"),
                                row.getLong("found_version"),
                                new TopicPartition(row.getString("topic"), row.getInteger("partition")),
                                row.getLong("offset")));
            }
            return gaps;
        });
    }

    static Uni<Map<TopicPartition, Long>> offsets(SqlConnection tx) {
        return tx.query("SELECT topic, partition, next_offset FROM consumer_offset")
                .execute()
                .map(rows -> {
                    Map<TopicPartition, Long> offsets = new HashMap<>();
                    for (Row row : rows) {
                        offsets.put(
                                new TopicPartition(row.getString("topic"), row.getInteger("partition")),
                                row.getLong("next_offset"));
                    }
                    return offsets;
                });
    }

    /** Everything the plan says to store beside the read-model change; {@code records} are the batch it was made from. */
    static Uni<Void> save(SqlConnection tx, BatchPlan plan, List<ConsumerRecord<String, byte[]>> records) {
        return saveVersions(tx, plan.versions())
                .flatMap(ignored -> saveParked(tx, plan.parked(), records))
                .flatMap(ignored -> saveGaps(tx, plan.newGaps(), plan.resolved()))
                .flatMap(ignored -> saveOffsets(tx, plan.offsets()));
    }

    private static Uni<Void> saveVersions(SqlConnection tx, Map<StreamKey, Long> versions) {
        return moveForward(
                tx,
                "consumer_stream",
                "source, stream_id",
                "version",
                Unnest.of(versions.entrySet())
                        .text("source", e -> e.getKey().source())
                        .text("stream_id", e -> e.getKey().subject())
                        .bigint("version", Map.Entry::getValue));
    }

    private static Uni<Void> saveParked(
            SqlConnection tx, List<Parking> parked, List<ConsumerRecord<String, byte[]>> records) {
        if (parked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (Parking p : parked) {
            ConsumerRecord<String, byte[]> record = records.get(p.record());
            JsonObject headers = new JsonObject();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            byte[] value = record.value();
            if (value != null && value.length > PARKED_VALUE_LIMIT) {
                value = Arrays.copyOf(value, PARKED_VALUE_LIMIT);
            }
            LOG.warnf("Parked %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), p.reason());
            rows.add(Tuple.tuple()
                    .addString(record.topic())
                    .addInteger(record.partition())
                    .addLong(record.offset())
                    .addString(record.key())
                    .addString(p.type())
                    .addString(p.subject())
                    .addString(p.reason())
                    .addValue(headers)
                    .addValue(value == null ? null : Buffer.buffer(value)));
        }
        return tx.preparedQuery("""
                        INSERT INTO consumer_parked
                            (topic, partition, "offset", record_key, type, subject, reason, headers, value)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (topic, partition, "offset") DO NOTHING""").executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Void> saveGaps(SqlConnection tx, Map<StreamKey, Gap> gaps, Map<StreamKey, Gap> resolved) {
        Unnest<StreamKey> filled =
                Unnest.of(resolved.keySet()).text("source", StreamKey::source).text("stream_id", StreamKey::subject);
        Uni<Void> removed = resolved.isEmpty()
                ? Uni.createFrom().voidItem()
                : tx.preparedQuery("DELETE FROM consumer_gap g USING " + filled.as("k")
                                + " WHERE g.source = k.source AND g.stream_id = k.stream_id")
                        .execute(filled.parameters())
                        .replaceWithVoid();
        if (gaps.isEmpty()) {
            return removed;
        }
        List<Tuple> rows = new ArrayList<>();
        gaps.forEach((key, gap) -> rows.add(Tuple.tuple()
                .addString(key.source())
                .addString(key.subject())
                .addLong(gap.expected())
                .addLong(gap.found())
                .addString(gap.partition().topic())
                .addInteger(gap.partition().partition())
                .addLong(gap.offset())));
        return removed.flatMap(
                ignored -> tx.preparedQuery("""
                        INSERT INTO consumer_gap (source, stream_id, expected_version, found_version, topic, partition, "offset")
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (source, stream_id) DO NOTHING""").executeBatch(rows).replaceWithVoid());
    }

    private static Uni<Void> saveOffsets(SqlConnection tx, Map<TopicPartition, Long> offsets) {
        return moveForward(
                tx,
                "consumer_offset",
                "topic, partition",
                "next_offset",
                Unnest.of(offsets.entrySet())
                        .text("topic", e -> e.getKey().topic())
                        .integer("partition", e -> e.getKey().partition())
                        .bigint("next_offset", Map.Entry::getValue));
    }

    /** Stores each row's {@code column} under its {@code key}, unless the stored one is as far already. */
    private static Uni<Void> moveForward(SqlConnection tx, String table, String key, String column, Unnest<?> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO %1$s (%2$s) SELECT * FROM %3$s
                        ON CONFLICT (%4$s) DO UPDATE SET %5$s = excluded.%5$s
                        WHERE %1$s.%5$s < excluded.%5$s""".formatted(table, rows.columns(), rows.as("r"), key, column))
                .execute(rows.parameters())
                .replaceWithVoid();
    }
}
