package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.csp.eventsourcing.cloudevents.EventTopics;

/**
 * A projection's status as any instance can tell it from the database and the brokers: the live generation and the
 * latest rebuild (running, or the last one if it failed), each with its offsets against the ends of the topics, its
 * parked records and its gaps.
 */
final class StatusQuery {

    private static final int PARKED_SHOWN = 20;
    private static final int GAPS_SHOWN = 100;

    private final Projection projection;
    private final Pool pool;
    private final ConsumerSettings settings;
    private volatile Admin admin;

    StatusQuery(Projection projection, Pool pool, ConsumerSettings settings) {
        this.projection = projection;
        this.pool = pool;
        this.settings = settings;
    }

    /** The generations' status, with what this instance is doing: its role, events applied and last error. */
    Uni<ProjectionStatus> status(String role, long appliedSinceStart, String lastError, Instant lastErrorAt) {
        return pool.preparedQuery("""
                        SELECT * FROM public.projection_generation WHERE projection = $1
                         ORDER BY (state = 'live') DESC, generation DESC""").execute(Tuple.of(projection.name())).flatMap(rows -> {
            Row liveRow = null;
            Row rebuildRow = null;
            for (Row row : rows) {
                String state = row.getString("state");
                if (state.equals("live") && liveRow == null) {
                    liveRow = row;
                } else if (!state.equals("live") && !state.equals("retired") && rebuildRow == null) {
                    rebuildRow = row;
                }
            }
            Row liveFound = liveRow;
            Row rebuildFound = rebuildRow;
            return Uni.createFrom()
                    .item(this::endOffsets)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(ends -> Uni.combine()
                            .all()
                            .unis(generation(liveFound, ends), generation(rebuildFound, ends))
                            .with((live, rebuild) -> new ProjectionStatus(
                                    projection.name(),
                                    role,
                                    appliedSinceStart,
                                    lastError,
                                    lastErrorAt,
                                    live,
                                    rebuild)));
        });
    }

    void close() {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }

    private Uni<ProjectionStatus.Generation> generation(Row row, Map<TopicPartition, Long> ends) {
        if (row == null) {
            return Uni.createFrom().nullItem();
        }
        String state = row.getString("state");
        if (state.equals("requested") || state.equals("failed")) {
            return Uni.createFrom().item(generation(row, List.of(), 0, List.of(), List.of()));
        }
        String schema = ProjectionTables.schema(projection.name(), row.getInteger("generation"));
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT set_config('search_path', $1, true)")
                .execute(Tuple.of(schema))
                .flatMap(ignored -> tx.query("SELECT topic, partition, next_offset FROM consumer_offset")
                        .execute())
                .flatMap(offsets -> tx.query("SELECT count(*) AS n FROM consumer_parked")
                        .execute()
                        .flatMap(count -> tx.preparedQuery("""
                                        SELECT id, topic, partition, "offset", type, subject, reason, parked_at FROM consumer_parked
                                         ORDER BY parked_at DESC, "offset" DESC LIMIT $1""")
                                .execute(Tuple.of(PARKED_SHOWN))
                                .flatMap(parked -> tx.preparedQuery(
                                                "SELECT * FROM consumer_gap ORDER BY first_seen LIMIT $1")
                                        .execute(Tuple.of(GAPS_SHOWN))
                                        .map(gaps -> generation(
                                                row,
                                                partitions(offsets, ends),
                                                count.iterator().next().getLong("n"),
                                                parked(parked),
                                                gaps(gaps, settings.gapReportAfter())))))));
    }

    private static ProjectionStatus.Generation generation(
            Row row,
            List<ProjectionStatus.Partition> partitions,
            long parkedCount,
            List<ProjectionStatus.Parked> parked,
            List<ProjectionStatus.Gap> gaps) {
        long lag =
                partitions.stream().mapToLong(ProjectionStatus.Partition::lag).sum();
        return new ProjectionStatus.Generation(
                row.getInteger("generation"),
                row.getString("state"),
                row.getInteger("projection_version"),
                instant(row, "requested_at"),
                instant(row, "started_at"),
                instant(row, "switched_at"),
                instant(row, "finished_at"),
                row.getString("error"),
                partitions,
                lag,
                parkedCount,
                parked,
                gaps);
    }

    private static List<ProjectionStatus.Partition> partitions(RowSet<Row> offsets, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> applied = new HashMap<>();
        for (Row row : offsets) {
            applied.put(
                    new TopicPartition(row.getString("topic"), row.getInteger("partition")),
                    row.getLong("next_offset"));
        }
        Set<TopicPartition> all = new HashSet<>(applied.keySet());
        all.addAll(ends.keySet());
        return all.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(tp -> {
                    long at = applied.getOrDefault(tp, 0L);
                    long end = ends.getOrDefault(tp, at);
                    return new ProjectionStatus.Partition(tp.topic(), tp.partition(), at, end, Math.max(0, end - at));
                })
                .toList();
    }

    static List<ProjectionStatus.Parked> parked(RowSet<Row> rows) {
        List<ProjectionStatus.Parked> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new ProjectionStatus.Parked(
                    row.getLong("id"),
                    row.getString("topic"),
                    row.getInteger("partition"),
                    row.getLong("offset"),
                    row.getString("type"),
                    row.getString("subject"),
                    row.getString("reason"),
                    instant(row, "parked_at")));
        }
        return list;
    }

    static List<ProjectionStatus.Gap> gaps(RowSet<Row> rows, Duration persistentAfter) {
        List<ProjectionStatus.Gap> list = new ArrayList<>();
        Instant persistentBefore = Instant.now().minus(persistentAfter);
        for (Row row : rows) {
            Instant firstSeen = instant(row, "first_seen");
            list.add(new ProjectionStatus.Gap(
                    row.getLong("id"),
                    row.getString("source"),
                    row.getString("stream_id"),
                    row.getLong("expected_version"),
                    row.getLong("found_version"),
                    row.getString("topic"),
                    row.getInteger("partition"),
                    row.getLong("offset"),
                    firstSeen,
                    firstSeen.isBefore(persistentBefore)));
        }
        return list;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The end of every partition of the projection's topics (empty when the brokers cannot be reached). */
    private Map<TopicPartition, Long> endOffsets() {
        try {
            return EventTopics.ends(admin(), projection.topics(), 5);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(settings.kafka()
                    .config(Map.of(
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            5_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            5_000)));
        }
        return admin;
    }
}
