package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.admin.AdminActions;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.CloudEventHeaders;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.cloudevents.UndecodableRecord;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.eventsourcing.leadership.LeaderWorker;
import org.csp.eventsourcing.projection.BatchPlan.Incoming;
import org.csp.eventsourcing.projection.BatchPlan.StreamKey;
import org.jboss.logging.Logger;

/**
 * Feeds one {@link Projection} from its topics, exactly once, with any number of instances sharing the database.
 *
 * <ul>
 * <li><b>One leader.</b> Only the instance holding the projection's {@link LeaderLock} consumes (its
 * {@link LeaderWorker}), and it writes every batch on the lock's own connection: an instance that lost the lock cannot
 * write. Others stand by, keep serving reads and take over when the leader's session ends, its thread ends or it
 * stalls.</li>
 * <li><b>Exactly once.</b> Partitions are assigned (no consumer group); offsets are stored in the database in the
 * same transaction as the read-model change, with the last applied version of every stream, and the consumer seeks
 * to them. A record read again, or published twice by a relay, has a version already applied and is skipped.</li>
 * <li><b>Gaps.</b> An event whose stream version is beyond the next one is not applied, and the stored offset of its
 * partition does not move past it, so reading resumes from the gap after a restart; later events of other streams
 * go on being applied (they are skipped by version when read again). When the missing version is applied, the
 * partition is read again from the gap. A gap older than {@link ConsumerSettings#gapReportAfter()} is persistent.</li>
 * <li><b>Parking.</b> A record that is not one of our CloudEvents, has an unknown type, data the projection
 * cannot apply or data the database refuses is parked with its topic, partition, offset and reason, and the rest
 * goes on. An administrator replays or discards it, or skips a persistent gap ({@link Repairs}).</li>
 * <li><b>Generations.</b> The read model and this bookkeeping live in a schema per generation. A rebuild fills a
 * new generation from the beginning of the topics while the live one keeps answering and updating, and becomes
 * live in one transaction once it has read as far; a failed rebuild leaves the live generation untouched.</li>
 * </ul>
 */
public final class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final int REBUILD_ATTEMPTS = 5;

    private final Projection projection;
    private final Pool pool;
    private final ConsumerSettings settings;
    private final LeaderTransactions leader;
    private final Generations generations;
    private final StatusQuery statusQuery;
    private final Repairs repairs;
    private final LeaderWorker worker;
    private volatile long appliedSinceStart;
    private volatile GenerationConsumer live;
    private volatile GenerationConsumer building;
    private long nextControlCheck;
    private long repairsSeen;

    public ProjectionRunner(Projection projection, Pool pool, LeaderLock lock, ConsumerSettings settings) {
        if (!projection.name().matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException(
                    "Projection name must be lower-case letters, digits and _: " + projection.name());
        }
        this.projection = projection;
        this.pool = pool;
        this.settings = settings;
        this.leader = new LeaderTransactions(lock);
        this.generations = new Generations(projection, pool, leader);
        this.statusQuery = new StatusQuery(projection, pool, settings);
        this.repairs = new Repairs(projection, pool, settings);
        this.worker = new LeaderWorker(
                "projection-" + projection.name(),
                lock,
                new LeaderWorker.Timing(settings.standbyRetry(), Duration.ofMillis(200), Duration.ofSeconds(10)),
                new Consuming());
    }

    public String name() {
        return projection.name();
    }

    /** Creates the tables a reader needs, idempotently: a live generation exists from then on. */
    public void createTables() {
        generations.prepare();
    }

    /** {@link #createTables()}, then consumes (as leader or standby) until {@link #stop()}. */
    public void start() {
        createTables();
        worker.start();
    }

    public void stop() {
        worker.stop(Duration.ofSeconds(15));
        statusQuery.close();
    }

    /** Running here, as leader or standby; false once its thread ended or stalled (readiness follows this). */
    public boolean alive() {
        return worker.running();
    }

    /** Leader, standby, starting, stalled, failed or stopped: what this instance is doing. */
    public String role() {
        return worker.role().name().toLowerCase();
    }

    public long appliedSinceStart() {
        return appliedSinceStart;
    }

    /** The last failed round's error, or why the projection does not run here (stalled, failed). */
    public String lastError() {
        return worker.failure() != null ? worker.failure() : worker.lastError();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading and rebuilding, from any instance

    /**
     * Runs {@code work} in a read-only, repeatable-read transaction over the live generation's tables
     * (unqualified names resolve to them), so a read never mixes generations and never sees a half-applied batch.
     */
    public static <T> Uni<T> read(Pool pool, String projection, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .flatMap(ignored -> tx.preparedQuery(
                                "SELECT generation FROM public.projection_generation WHERE projection = $1 AND state = 'live'")
                        .execute(Tuple.of(projection)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException(
                                        "Projection " + projection + " has no live generation yet"));
                    }
                    String schema = ProjectionTables.schema(
                            projection, rows.iterator().next().getInteger("generation"));
                    return tx.preparedQuery("SELECT set_config('search_path', $1, true)")
                            .execute(Tuple.of(schema));
                })
                .flatMap(ignored -> work.apply(tx)));
    }

    /**
     * Asks for a rebuild into a new generation; the leader starts it within a second or two. Returns the generation
     * being built (an already requested or running rebuild is not started twice).
     */
    public Uni<Integer> requestRebuild() {
        return generations.requestRebuild();
    }

    /** {@link #requestRebuild()} on an administrator's behalf, audited. */
    public Uni<Integer> requestRebuild(Actor actor) {
        return generations
                .requestRebuild()
                .call(generation -> AdminActions.record(
                        pool, actor, "projection.rebuild", projection.name(), null, "generation " + generation));
    }

    /** The live generation's parked records (at most 1000), with the id a replay or discard names. */
    public Uni<List<ProjectionStatus.Parked>> parked() {
        return repairs.parked();
    }

    /** The live generation's unresolved gaps (at most 1000), with the id a skip names. */
    public Uni<List<ProjectionStatus.Gap>> gaps() {
        return repairs.gaps();
    }

    /** Reads the parked record again and applies it; a 409 problem when it still cannot be (blocking). */
    public void replay(long parked, Actor actor, String reason) {
        repairs.replay(parked, actor, reason);
    }

    /** Takes the parked record off the list unapplied. */
    public Uni<Void> discard(long parked, Actor actor, String reason) {
        return repairs.discard(parked, actor, reason);
    }

    /** Gives a persistent gap up and applies the events held behind it. */
    public Uni<Void> skipGap(long gap, Actor actor, String reason) {
        return repairs.skipGap(gap, actor, reason);
    }

    /** The live generation and the latest rebuild (running, or the last one if it failed), with lag and problems. */
    public Uni<ProjectionStatus> status() {
        return statusQuery.status(role(), appliedSinceStart, lastError(), worker.lastErrorAt());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The consuming thread: leadership, then the live generation and any rebuild, batch by batch

    /** The projection's rounds as leader, on the worker's thread: the live generation, and any rebuild, batch by batch. */
    private final class Consuming implements LeaderWorker.Job {

        @Override
        public void lead() throws Exception {
            EventTopics.ensure(settings.kafka(), projection.topics(), settings.topicPartitions(), (short) 1);
            repairsSeen = generations.control().liveRepairs(); // read first: a repair made while opening is reloaded
            live = open(generations.live());
            LOG.infof("Projection %s is the leader; generation %d is live", projection.name(), live.generation);
        }

        @Override
        public void step() {
            try {
                controlCheck();
                if (building == null) {
                    ProjectionRunner.this.step(live, settings.pollTimeout());
                } else {
                    ProjectionRunner.this.step(live, Duration.ZERO); // what has arrived: the rebuild must not idle
                    stepRebuild();
                }
            } catch (WakeupException e) {
                // woken to stop, or by the watchdog: the worker decides what follows
            }
        }

        @Override
        public void stepDown() {
            closeConsumers();
        }

        @Override
        public void wake() {
            GenerationConsumer current = live;
            if (current != null) {
                current.kafka.wakeup();
            }
        }
    }

    private GenerationConsumer open(int generation) {
        return GenerationConsumer.open(
                generation, generations.schema(generation), projection.topics(), settings, leader);
    }

    private void closeConsumers() {
        if (live != null) {
            live.close();
        }
        if (building != null) {
            building.close();
        }
        live = null;
        building = null;
    }

    /** At most once a second: is a rebuild requested, or was the live generation repaired (a gap skipped)? */
    private void controlCheck() {
        long now = System.nanoTime();
        if (now < nextControlCheck) {
            return;
        }
        nextControlCheck = now + Duration.ofSeconds(1).toNanos();
        Generations.Control control = generations.control();
        if (control.liveRepairs() != repairsSeen) {
            repairsSeen = control.liveRepairs();
            LOG.infof("Projection %s: repaired; reading again from the stored offsets", projection.name());
            live.reload();
        }
        Integer generation = control.requested();
        if (building != null || generation == null) {
            return;
        }
        LOG.infof(
                "Projection %s: rebuilding into generation %d while generation %d stays live",
                projection.name(), generation, live.generation);
        try {
            generations.startBuilding(generation);
            building = open(generation);
        } catch (RuntimeException e) {
            failRebuild(generation, "the new generation's tables could not be created: " + e.getMessage());
        }
    }

    private void stepRebuild() {
        GenerationConsumer rebuild = building;
        try {
            step(rebuild, Duration.ofMillis(100));
            rebuild.failures = 0;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            if (++rebuild.failures >= REBUILD_ATTEMPTS) {
                failRebuild(rebuild.generation, e.getMessage());
                return;
            }
            LOG.warnf(
                    "Projection %s: rebuild batch failed (%d of %d): %s",
                    projection.name(), rebuild.failures, REBUILD_ATTEMPTS, e.getMessage());
            rebuild.seekToStored();
            return;
        }
        if (rebuild.caughtUpWith(live)) {
            switchTo(rebuild);
        }
    }

    private void failRebuild(int generation, String reason) {
        LOG.errorf(
                "Projection %s: the rebuild into generation %d failed, generation %d stays live: %s",
                projection.name(), generation, live.generation, reason);
        if (building != null) {
            building.close();
            building = null;
        }
        generations.fail(generation, reason);
    }

    private void switchTo(GenerationConsumer rebuilt) {
        generations.switchTo(rebuilt.generation);
        LOG.infof(
                "Projection %s: generation %d is live (rebuilt), generation %d retired",
                projection.name(), rebuilt.generation, live.generation);
        live.close();
        live = rebuilt;
        building = null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // One batch: read, planned (BatchPlan), applied with its bookkeeping in one transaction

    /** Polls one generation's consumer and applies what came, in one transaction. */
    private void step(GenerationConsumer generation, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = generation.poll(timeout);
        if (!records.isEmpty()) {
            applyRecords(generation, records);
        }
    }

    /**
     * Applies records in one transaction. An event the projection cannot apply is parked and the rest applied; when
     * the database refuses the data of the batch (a data or integrity error), the batch is halved until the one
     * event it refuses is found, and that event is parked with the database's reason.
     */
    private void applyRecords(GenerationConsumer generation, List<ConsumerRecord<String, byte[]>> records) {
        List<Incoming> incoming =
                records.stream().map(ProjectionRunner::incoming).toList();
        Map<String, String> unprocessable = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            try {
                BatchPlan batch = leader.inTransaction(
                        generation.schema, tx -> apply(tx, generation, records, incoming, unprocessable));
                generation.committed(batch);
                if (generation == live) {
                    appliedSinceStart += batch.toApply().size();
                }
                return;
            } catch (UnprocessableEvent e) {
                if (attempt > records.size()
                        || unprocessable.putIfAbsent(e.event().id(), e.getMessage()) != null) {
                    throw e;
                }
            } catch (RuntimeException e) {
                String refused = refusedData(e);
                if (refused == null) {
                    throw e;
                }
                if (records.size() > 1) {
                    int half = records.size() / 2;
                    applyRecords(generation, records.subList(0, half));
                    applyRecords(generation, records.subList(half, records.size()));
                    return;
                }
                String id = header(records.getFirst(), CloudEventHeaders.ID);
                if (id == null || unprocessable.putIfAbsent(id, "the database refused its data: " + refused) != null) {
                    throw e;
                }
            }
        }
    }

    private Uni<BatchPlan> apply(
            SqlConnection tx,
            GenerationConsumer generation,
            List<ConsumerRecord<String, byte[]>> records,
            List<Incoming> incoming,
            Map<String, String> unprocessable) {
        Set<StreamKey> streams = new LinkedHashSet<>();
        incoming.stream()
                .filter(i -> i.position() != null)
                .forEach(i -> streams.add(
                        new StreamKey(i.position().source(), i.position().subject())));
        return Repairs.lockApply(tx, projection.name())
                .flatMap(locked -> Bookkeeping.versions(tx, streams))
                .flatMap(stored -> {
                    BatchPlan plan = BatchPlan.of(
                            incoming,
                            stored,
                            generation.gaps,
                            unprocessable,
                            projection.appliedTypes(),
                            projection.ignoredTypes());
                    Uni<Void> applied = plan.toApply().isEmpty()
                            ? Uni.createFrom().voidItem()
                            : projection.apply(tx, plan.toApply());
                    return applied.flatMap(ignored -> Bookkeeping.save(tx, plan, records))
                            .replaceWith(plan);
                });
    }

    /** A record as the batch plan takes it: decoded here, so that the plan itself needs neither Kafka nor the database. */
    private static Incoming incoming(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = null;
        String undecodable = null;
        try {
            event = CloudEventCodec.decode(record);
        } catch (UndecodableRecord e) {
            undecodable = e.getMessage();
        }
        return new Incoming(
                new TopicPartition(record.topic(), record.partition()),
                record.offset(),
                CloudEventCodec.streamPosition(record),
                event,
                undecodable,
                header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.SUBJECT));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The database's message when it refused a value (SQLSTATE class 22, data exception, or 23, integrity); else null. */
    static String refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg
                    && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
            }
        }
        return null;
    }
}
