package org.csp.eventsourcing.projection;

import static org.csp.eventsourcing.projection.LeaderTransactions.DB_TIMEOUT;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.admin.AdminActions;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.UndecodableRecord;
import org.csp.eventsourcing.projection.BatchPlan.StreamKey;
import org.csp.problem.ProblemException;

/**
 * An administrator's repairs of a projection's live generation, from any instance: a parked record replayed (read
 * again from its topic and applied, once its cause is fixed) or discarded, a persistent gap skipped. Each runs in one
 * transaction that first takes the projection's apply lock, which the leader takes for every batch too, so that a
 * repair and a batch never interleave; each is audited ({@link AdminActions}) in that transaction.
 */
final class Repairs {

    private static final int LISTED = 1000;

    private final Projection projection;
    private final Pool pool;
    private final ConsumerSettings settings;

    Repairs(Projection projection, Pool pool, ConsumerSettings settings) {
        this.projection = projection;
        this.pool = pool;
        this.settings = settings;
    }

    /** Serialises the projection's batches and repairs, for the rest of the transaction. */
    static Uni<Void> lockApply(SqlClient tx, String projection) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("projection-apply:" + projection))
                .replaceWithVoid();
    }

    /** The live generation's parked records, oldest first (at most 1000). */
    Uni<List<ProjectionStatus.Parked>> parked() {
        return ProjectionRunner.read(
                pool,
                projection.name(),
                tx -> tx.preparedQuery("""
                        SELECT id, topic, partition, "offset", type, subject, reason, parked_at FROM consumer_parked
                         ORDER BY id LIMIT $1""").execute(Tuple.of(LISTED)).map(StatusQuery::parked));
    }

    /** The live generation's unresolved gaps, oldest first (at most 1000). */
    Uni<List<ProjectionStatus.Gap>> gaps() {
        return ProjectionRunner.read(
                pool,
                projection.name(),
                tx -> tx.preparedQuery("SELECT * FROM consumer_gap ORDER BY first_seen, id LIMIT $1")
                        .execute(Tuple.of(LISTED))
                        .map(rows -> StatusQuery.gaps(rows, settings.gapReportAfter())));
    }

    /**
     * Reads the parked record {@code id} again from its topic and applies it (an event of a type the projection ignores
     * is only taken off the list); the record leaves the list. When it still cannot be applied it stays, with the new
     * reason, and the answer is a 409 problem. Blocking (it reads Kafka).
     */
    void replay(long id, Actor actor, String reason) {
        String target = projection.name() + "/parked/" + id;
        ProjectionStatus.Parked parked = ProjectionRunner.read(
                        pool,
                        projection.name(),
                        tx -> tx.preparedQuery(
                                        "SELECT id, topic, partition, \"offset\", type, subject, reason, parked_at FROM consumer_parked WHERE id = $1")
                                .execute(Tuple.of(id))
                                .map(StatusQuery::parked))
                .await()
                .atMost(DB_TIMEOUT)
                .stream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Parked record", target));
        ConsumerRecord<String, byte[]> record = read(parked);
        try {
            inLiveGeneration(tx -> tx.preparedQuery("DELETE FROM consumer_parked WHERE id = $1")
                            .execute(Tuple.of(id))
                            .flatMap(deleted -> {
                                if (deleted.rowCount() == 0) {
                                    throw ProblemException.notFound("Parked record", target);
                                }
                                return apply(tx, record);
                            })
                            .flatMap(ignored ->
                                    AdminActions.record(tx, actor, "projection.replay", target, reason, "done")))
                    .await()
                    .atMost(DB_TIMEOUT);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = whyNotApplied(e);
            if (why == null) {
                throw e;
            }
            inLiveGeneration(tx -> tx.preparedQuery("UPDATE consumer_parked SET reason = $2 WHERE id = $1")
                            .execute(Tuple.of(id, why))
                            .flatMap(ignored -> AdminActions.record(
                                    tx, actor, "projection.replay", target, reason, "failed: " + why)))
                    .await()
                    .atMost(DB_TIMEOUT);
            throw new ProblemException(
                    409,
                    "replay-failed",
                    "The record still cannot be applied",
                    "The parked record " + id + " still cannot be applied and stays parked: " + why);
        }
    }

    /** Takes the parked record {@code id} off the list without applying it. */
    Uni<Void> discard(long id, Actor actor, String reason) {
        String target = projection.name() + "/parked/" + id;
        return inLiveGeneration(tx -> tx.preparedQuery("""
                        DELETE FROM consumer_parked WHERE id = $1 RETURNING topic, partition, "offset", type, subject""")
                .execute(Tuple.of(id))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Parked record", target);
                    }
                    Row row = rows.iterator().next();
                    return AdminActions.record(
                            tx,
                            actor,
                            "projection.discard",
                            target + " (" + row.getString("topic") + "-" + row.getInteger("partition") + "@"
                                    + row.getLong("offset") + ", " + row.getString("type") + " of "
                                    + row.getString("subject") + ")",
                            reason,
                            "done");
                }));
    }

    /**
     * Gives a persistent gap up: the missing versions of its stream are taken as never coming, the events held behind
     * them are applied (the leader reads its partition again from the gap within a second), and a missing version that
     * does arrive later is passed over. 409 for a gap younger than {@link ConsumerSettings#gapReportAfter()}: it may
     * still fill itself.
     */
    Uni<Void> skipGap(long id, Actor actor, String reason) {
        String target = projection.name() + "/gaps/" + id;
        return inLiveGeneration(tx -> tx.preparedQuery("""
                        SELECT source, stream_id, expected_version, found_version,
                               first_seen < now() - make_interval(secs => $2) AS persistent
                          FROM consumer_gap WHERE id = $1 FOR UPDATE""")
                .execute(Tuple.of(id, settings.gapReportAfter().toMillis() / 1000.0))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Gap", target);
                    }
                    Row gap = rows.iterator().next();
                    if (!gap.getBoolean("persistent")) {
                        throw new ProblemException(
                                409,
                                "gap-not-persistent",
                                "The gap may still fill itself",
                                "The gap " + id + " is younger than "
                                        + settings.gapReportAfter().toSeconds()
                                        + " s; the missing event may still arrive. Skip it once it is persistent.");
                    }
                    String stream = gap.getString("stream_id");
                    long before = gap.getLong("found_version") - 1;
                    return tx.preparedQuery("""
                                    INSERT INTO consumer_stream (source, stream_id, version) VALUES ($1, $2, $3)
                                    ON CONFLICT (source, stream_id) DO UPDATE SET version = excluded.version
                                    WHERE consumer_stream.version < excluded.version""")
                            .execute(Tuple.of(gap.getString("source"), stream, before))
                            .flatMap(ignored -> tx.preparedQuery("DELETE FROM consumer_gap WHERE id = $1")
                                    .execute(Tuple.of(id)))
                            .flatMap(ignored -> tx.preparedQuery("""
                                            UPDATE public.projection_generation SET repairs = repairs + 1
                                             WHERE projection = $1 AND state = 'live'""").execute(Tuple.of(projection.name())))
                            .flatMap(ignored -> AdminActions.record(
                                    tx,
                                    actor,
                                    "projection.skip-gap",
                                    target + " (" + stream + " versions " + gap.getLong("expected_version") + " to "
                                            + before + ")",
                                    reason,
                                    "done"));
                }));
    }

    /** Applies one event as read from its topic, as a batch of one would, versions aside (it was counted when parked). */
    private Uni<Void> apply(SqlConnection tx, ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.decode(record);
        } catch (UndecodableRecord e) {
            throw new NotApplied(e.getMessage());
        }
        if (projection.ignoredTypes().contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        if (!projection.appliedTypes().contains(event.type())) {
            throw new NotApplied("unknown event type '" + event.type() + "' from " + event.source());
        }
        CloudEventCodec.StreamPosition position = CloudEventCodec.streamPosition(record);
        if (position == null) {
            return projection.apply(tx, List.of(event));
        }
        StreamKey stream = new StreamKey(position.source(), position.subject());
        return Bookkeeping.versions(tx, List.of(stream)).flatMap(versions -> {
            Long applied = versions.get(stream);
            if (applied != null && applied > position.version()) {
                // applied now, it would land on top of what came after it: a view that replaces state would go back
                throw new NotApplied("later events of " + position.subject() + " (up to version " + applied
                        + ") were applied after it was parked; rebuild the projection to apply its stream in order");
            }
            return projection.apply(tx, List.of(event));
        });
    }

    /** Why a replay did not apply the record (it stays parked), or null for a failure of another kind. */
    private static String whyNotApplied(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotApplied || t instanceof UnprocessableEvent) {
                return t.getMessage();
            }
        }
        String refused = ProjectionRunner.refusedData(failure);
        return refused == null ? null : "the database refused its data: " + refused;
    }

    /** Runs {@code work} in a transaction on the live generation's schema, after taking the apply lock. */
    private <T> Uni<T> inLiveGeneration(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> lockApply(tx, projection.name())
                .flatMap(ignored -> tx.preparedQuery(
                                "SELECT generation FROM public.projection_generation WHERE projection = $1 AND state = 'live'")
                        .execute(Tuple.of(projection.name())))
                .flatMap(rows -> tx.preparedQuery("SELECT set_config('search_path', $1, true)")
                        .execute(Tuple.of(ProjectionTables.schema(
                                projection.name(), rows.iterator().next().getInteger("generation")))))
                .flatMap(ignored -> work.apply(tx)));
    }

    /**
     * The parked record, read again from its topic (kept forever): 409 when the topic has moved past it without it (it
     * is gone), 503 when nothing could be read at all (Kafka unreachable).
     */
    private ConsumerRecord<String, byte[]> read(ProjectionStatus.Parked parked) {
        TopicPartition partition = new TopicPartition(parked.topic(), parked.partition());
        String where = parked.topic() + "-" + parked.partition() + "@" + parked.offset();
        try (KafkaConsumer<String, byte[]> kafka =
                GenerationConsumer.kafka(settings, "projection-" + projection.name() + "-replay")) {
            kafka.assign(List.of(partition));
            kafka.seek(partition, parked.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    if (record.offset() == parked.offset()) {
                        return record;
                    }
                    throw new ProblemException(
                            409,
                            "record-not-found",
                            "The record is no longer on its topic",
                            "The parked record " + parked.id() + " (" + where
                                    + ") is no longer on its topic; discard it with a reason.");
                }
            }
        }
        throw new ProblemException(
                503,
                "kafka-unavailable",
                "The record could not be read",
                "The parked record " + parked.id() + " (" + where
                        + ") could not be read from Kafka; try again shortly.");
    }

    /** A replayed record that still cannot be applied: not one of our events, or of a type the projection lacks. */
    private static final class NotApplied extends RuntimeException {
        NotApplied(String message) {
            super(message);
        }
    }
}
