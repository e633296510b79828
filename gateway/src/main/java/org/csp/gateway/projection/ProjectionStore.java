package org.csp.gateway.projection;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The projection's bookkeeping, in the gateway's own database: the next Kafka offset per partition and the last
 * applied version per stream. Both are written in the same transaction as the read-model changes, so each event
 * is applied exactly once: a redelivered record, or a duplicate the relay published twice, is recognised by its
 * stream version and skipped.
 */
@ApplicationScoped
public class ProjectionStore {

    private static final Logger LOG = Logger.getLogger(ProjectionStore.class);

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS projection_offset (
                topic       text   NOT NULL,
                partition   int    NOT NULL,
                next_offset bigint NOT NULL,
                PRIMARY KEY (topic, partition)
            );
            CREATE TABLE IF NOT EXISTS projection_stream (
                source    text   NOT NULL,
                stream_id text   NOT NULL,
                version   bigint NOT NULL,
                PRIMARY KEY (source, stream_id)
            );
            """;

    private final Pool pool;
    private final Instance<Projector> projectors;

    public ProjectionStore(Pool pool, Instance<Projector> projectors) {
        this.pool = pool;
        this.projectors = projectors;
    }

    /** What one batch did. */
    public record Applied(int applied, int duplicates, int gaps) {
    }

    public Uni<Void> createTables() {
        StringBuilder ddl = new StringBuilder(DDL);
        projectors.forEach(p -> ddl.append(p.ddl()).append(";\n"));
        return pool.query(ddl.toString()).execute().replaceWithVoid();
    }

    public Uni<Map<TopicPartition, Long>> offsets() {
        return pool.query("SELECT topic, partition, next_offset FROM projection_offset").execute().map(rows -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (Row row : rows) {
                offsets.put(new TopicPartition(row.getString("topic"), row.getInteger("partition")), row.getLong("next_offset"));
            }
            return offsets;
        });
    }

    /**
     * Applies a batch in one transaction: events whose stream version follows the last applied one go to the
     * projectors; older versions are duplicates; a version beyond the next is a gap the relay will fill when it
     * republishes from its checkpoint, so it is left for then.
     */
    public Uni<Applied> apply(List<ProjectedEvent> events, Map<TopicPartition, Long> nextOffsets) {
        return pool.withTransaction(tx -> versions(tx, events).flatMap(versions -> {
            int[] counts = new int[3];
            Map<String, Long> changed = new HashMap<>();
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> {
                        String key = event.source() + "\u0000" + event.subject();
                        long current = versions.getOrDefault(key, 0L);
                        if (event.streamVersion() <= current) {
                            counts[1]++;
                            return Uni.createFrom().voidItem();
                        }
                        if (event.streamVersion() > current + 1) {
                            counts[2]++;
                            LOG.warnf("Event %s of %s is version %d but %d was the last applied; waiting for the missing ones",
                                    event.type(), event.subject(), event.streamVersion(), current);
                            return Uni.createFrom().voidItem();
                        }
                        versions.put(key, event.streamVersion());
                        changed.put(key, event.streamVersion());
                        counts[0]++;
                        return applyToAll(tx, event);
                    })
                    .collect().last()
                    .flatMap(ignored -> saveVersions(tx, changed))
                    .flatMap(ignored -> saveOffsets(tx, nextOffsets))
                    .map(ignored -> new Applied(counts[0], counts[1], counts[2]));
        }));
    }

    /** Empties the read models and the bookkeeping so that the projection starts again from offset 0. */
    public Uni<Void> reset() {
        List<String> tables = new ArrayList<>(List.of("projection_offset", "projection_stream"));
        projectors.forEach(p -> tables.addAll(p.tables()));
        return pool.withTransaction(tx -> tx.query("TRUNCATE " + String.join(", ", tables)).execute()).replaceWithVoid();
    }

    private Uni<Void> applyToAll(SqlConnection tx, ProjectedEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Projector projector : projectors) {
            chain = chain.flatMap(ignored -> projector.apply(tx, event));
        }
        return chain;
    }

    private Uni<Map<String, Long>> versions(SqlConnection tx, List<ProjectedEvent> events) {
        String[] sources = events.stream().map(ProjectedEvent::source).toArray(String[]::new);
        String[] subjects = events.stream().map(ProjectedEvent::subject).toArray(String[]::new);
        return tx.preparedQuery("""
                        SELECT s.source, s.stream_id, s.version FROM projection_stream s
                        JOIN unnest($1::text[], $2::text[]) AS k(source, stream_id)
                          ON s.source = k.source AND s.stream_id = k.stream_id
                        FOR UPDATE OF s""")
                .execute(Tuple.of(sources, subjects))
                .map(rows -> {
                    Map<String, Long> versions = new HashMap<>();
                    for (Row row : rows) {
                        versions.put(row.getString("source") + "\u0000" + row.getString("stream_id"), row.getLong("version"));
                    }
                    return versions;
                });
    }

    private static Uni<Void> saveVersions(SqlConnection tx, Map<String, Long> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = changed.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000", 2);
            return Tuple.of(key[0], key[1], e.getValue());
        }).collect(Collectors.toList());
        return tx.preparedQuery("""
                        INSERT INTO projection_stream (source, stream_id, version) VALUES ($1, $2, $3)
                        ON CONFLICT (source, stream_id) DO UPDATE SET version = excluded.version""")
                .executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Void> saveOffsets(SqlConnection tx, Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = nextOffsets.entrySet().stream()
                .map(e -> Tuple.of(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .collect(Collectors.toList());
        return tx.preparedQuery("""
                        INSERT INTO projection_offset (topic, partition, next_offset) VALUES ($1, $2, $3)
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset""")
                .executeBatch(rows).replaceWithVoid();
    }
}
