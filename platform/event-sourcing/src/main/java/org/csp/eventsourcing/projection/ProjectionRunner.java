package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec;
import org.csp.eventsourcing.cloudevents.CloudEventCodec.StreamPosition;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.cloudevents.UndecodableRecord;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Feeds one {@link Projection} from its topics, exactly once, with any number of instances sharing the database.
 *
 * <ul>
 * <li><b>One leader.</b> Only the instance holding the projection's {@link LeaderLock} consumes, and it writes
 * every batch on the lock's own connection: an instance that lost the lock cannot write. Others stand by, keep
 * serving reads and take over when the leader's session ends.</li>
 * <li><b>Exactly once.</b> Partitions are assigned (no consumer group); offsets are stored in the database in the
 * same transaction as the read-model change, with the last applied version of every stream, and the consumer seeks
 * to them. A record read again, or published twice by a relay, has a version already applied and is skipped.</li>
 * <li><b>Gaps.</b> An event whose stream version is beyond the next one is not applied, and the stored offset of its
 * partition does not move past it, so reading resumes from the gap after a restart; later events of other streams
 * go on being applied (they are skipped by version when read again). When the missing version is applied, the
 * partition is read again from the gap. A gap older than {@link ConsumerSettings#gapReportAfter()} is persistent.</li>
 * <li><b>Parking.</b> A record that is not one of our CloudEvents, has an unknown type, data the projection
 * cannot apply or data the database refuses is parked with its topic, partition, offset and reason, and the rest
 * goes on.</li>
 * <li><b>Generations.</b> The read model and this bookkeeping live in a schema per generation. A rebuild fills a
 * new generation from the beginning of the topics while the live one keeps answering and updating, and becomes
 * live in one transaction once it has read as far; a failed rebuild leaves the live generation untouched.</li>
 * </ul>
 */
public final class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final Duration DB_TIMEOUT = Duration.ofMinutes(1);
    private static final int REBUILD_ATTEMPTS = 5;
    private static final int PARKED_SHOWN = 20;
    private static final int GAPS_SHOWN = 100;
    private static final int PARKED_VALUE_LIMIT = 64 * 1024;

    private final Projection projection;
    private final Pool pool;
    private final LeaderLock lock;
    private final ConsumerSettings settings;
    private final Set<String> known;
    private volatile boolean running;
    private volatile String role = "starting";
    private volatile long appliedSinceStart;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Admin admin;
    private volatile GenerationConsumer live;
    private volatile GenerationConsumer building;
    private Thread thread;
    private long nextControlCheck;

    public ProjectionRunner(Projection projection, Pool pool, LeaderLock lock, ConsumerSettings settings) {
        if (!projection.name().matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Projection name must be lower-case letters, digits and _: " + projection.name());
        }
        this.projection = projection;
        this.pool = pool;
        this.lock = lock;
        this.settings = settings;
        this.known = new HashSet<>(projection.appliedTypes());
        this.known.addAll(projection.ignoredTypes());
    }

    public String name() {
        return projection.name();
    }

    /** Creates the tables a reader needs, idempotently: a live generation exists from then on. */
    public void createTables() {
        prepare().await().atMost(DB_TIMEOUT);
    }

    /** {@link #createTables()}, then consumes (as leader or standby) until {@link #stop()}. */
    public synchronized void start() {
        createTables();
        running = true;
        thread = Thread.ofPlatform().name("projection-" + projection.name()).daemon().start(this::run);
    }

    public synchronized void stop() {
        running = false;
        GenerationConsumer current = live;
        if (current != null) {
            current.kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        lock.release();
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }

    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Leader, standby or starting: what this instance is doing. */
    public String role() {
        return role;
    }

    public long appliedSinceStart() {
        return appliedSinceStart;
    }

    public String lastError() {
        return lastError;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading and rebuilding, from any instance

    /**
     * Runs {@code work} in a read-only, repeatable-read transaction over the live generation's tables
     * (unqualified names resolve to them), so a read never mixes generations and never sees a half-applied batch.
     */
    public static <T> Uni<T> read(Pool pool, String projection, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .flatMap(ignored -> tx.preparedQuery(
                                "SELECT generation FROM public.projection_generation WHERE projection = $1 AND state = 'live'")
                        .execute(Tuple.of(projection)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new IllegalStateException("Projection " + projection + " has no live generation yet"));
                    }
                    String schema = ProjectionTables.schema(projection, rows.iterator().next().getInteger("generation"));
                    return tx.preparedQuery("SELECT set_config('search_path', $1, true)").execute(Tuple.of(schema));
                })
                .flatMap(ignored -> work.apply(tx)));
    }

    /**
     * Asks for a rebuild into a new generation; the leader starts it within a second or two. Returns the
     * generation being built (an already requested or running rebuild is not started twice).
     */
    public Uni<Integer> requestRebuild() {
        return pool.withTransaction(tx -> lockControl(tx)
                .flatMap(ignored -> tx.preparedQuery("""
                                SELECT generation FROM public.projection_generation
                                 WHERE projection = $1 AND state IN ('requested', 'building')""")
                        .execute(Tuple.of(projection.name())))
                .flatMap(pending -> pending.size() > 0
                        ? Uni.createFrom().item(pending.iterator().next().getInteger("generation"))
                        : tx.preparedQuery("""
                                        INSERT INTO public.projection_generation (projection, generation, state, projection_version)
                                        SELECT $1, coalesce(max(generation), 0) + 1, 'requested', $2
                                          FROM public.projection_generation WHERE projection = $1
                                        RETURNING generation""")
                                .execute(Tuple.of(projection.name(), projection.version()))
                                .map(rows -> rows.iterator().next().getInteger("generation"))));
    }

    /** The live generation and the latest rebuild (running, or the last one if it failed), with lag and problems. */
    public Uni<ProjectionStatus> status() {
        return pool.preparedQuery("""
                        SELECT * FROM public.projection_generation WHERE projection = $1
                         ORDER BY (state = 'live') DESC, generation DESC""")
                .execute(Tuple.of(projection.name()))
                .flatMap(rows -> {
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
                    return Uni.createFrom().item(this::endOffsets).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .flatMap(ends -> Uni.combine().all().unis(generationStatus(liveFound, ends), generationStatus(rebuildFound, ends))
                                    .with((l, r) -> new ProjectionStatus(projection.name(), role, appliedSinceStart, lastError,
                                            lastErrorAt, l, r)));
                });
    }

    private Uni<ProjectionStatus.Generation> generationStatus(Row row, Map<TopicPartition, Long> ends) {
        if (row == null) {
            return Uni.createFrom().nullItem();
        }
        int generation = row.getInteger("generation");
        String state = row.getString("state");
        if (state.equals("requested") || state.equals("failed")) {
            return Uni.createFrom().item(generation(row, List.of(), 0, List.of(), List.of()));
        }
        String schema = ProjectionTables.schema(projection.name(), generation);
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT set_config('search_path', $1, true)").execute(Tuple.of(schema))
                .flatMap(ignored -> tx.query("SELECT topic, partition, next_offset FROM consumer_offset").execute())
                .flatMap(offsets -> tx.query("SELECT count(*) AS n FROM consumer_parked").execute()
                        .flatMap(count -> tx.preparedQuery("""
                                        SELECT topic, partition, "offset", type, subject, reason, parked_at FROM consumer_parked
                                         ORDER BY parked_at DESC, "offset" DESC LIMIT $1""").execute(Tuple.of(PARKED_SHOWN))
                                .flatMap(parked -> tx.preparedQuery("""
                                                SELECT * FROM consumer_gap ORDER BY first_seen LIMIT $1""").execute(Tuple.of(GAPS_SHOWN))
                                        .map(gaps -> generation(row, partitions(offsets, ends),
                                                count.iterator().next().getLong("n"), parked(parked), gaps(gaps)))))));
    }

    private ProjectionStatus.Generation generation(Row row, List<ProjectionStatus.Partition> partitions, long parkedCount,
                                                   List<ProjectionStatus.Parked> parked, List<ProjectionStatus.Gap> gaps) {
        long lag = partitions.stream().mapToLong(ProjectionStatus.Partition::lag).sum();
        return new ProjectionStatus.Generation(row.getInteger("generation"), row.getString("state"),
                row.getInteger("projection_version"), instant(row, "requested_at"), instant(row, "started_at"),
                instant(row, "switched_at"), instant(row, "finished_at"), row.getString("error"), partitions, lag,
                parkedCount, parked, gaps);
    }

    private List<ProjectionStatus.Partition> partitions(RowSet<Row> offsets, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> applied = new HashMap<>();
        for (Row row : offsets) {
            applied.put(new TopicPartition(row.getString("topic"), row.getInteger("partition")), row.getLong("next_offset"));
        }
        Set<TopicPartition> all = new HashSet<>(applied.keySet());
        all.addAll(ends.keySet());
        return all.stream()
                .sorted((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()))
                .map(tp -> {
                    long at = applied.getOrDefault(tp, 0L);
                    long end = ends.getOrDefault(tp, at);
                    return new ProjectionStatus.Partition(tp.topic(), tp.partition(), at, end, Math.max(0, end - at));
                }).toList();
    }

    private static List<ProjectionStatus.Parked> parked(RowSet<Row> rows) {
        List<ProjectionStatus.Parked> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new ProjectionStatus.Parked(row.getString("topic"), row.getInteger("partition"), row.getLong("offset"),
                    row.getString("type"), row.getString("subject"), row.getString("reason"), instant(row, "parked_at")));
        }
        return list;
    }

    private List<ProjectionStatus.Gap> gaps(RowSet<Row> rows) {
        List<ProjectionStatus.Gap> list = new ArrayList<>();
        Instant persistentBefore = Instant.now().minus(settings.gapReportAfter());
        for (Row row : rows) {
            Instant firstSeen = instant(row, "first_seen");
            list.add(new ProjectionStatus.Gap(row.getString("source"), row.getString("stream_id"), row.getLong("expected_version"),
                    row.getLong("found_version"), row.getString("topic"), row.getInteger("partition"), row.getLong("offset"),
                    firstSeen, firstSeen.isBefore(persistentBefore)));
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
            Admin a = admin();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            a.describeTopics(projection.topics()).allTopicNames().get(5, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions()
                            .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            a.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        }
        return admin;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Start-up: the tables and a live generation, whichever instance comes first

    /** Serialises changes to the projection's generations across instances, for the rest of the transaction. */
    private Uni<Void> lockControl(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("projection-control:" + projection.name())).replaceWithVoid();
    }

    private Uni<Void> prepare() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                        .execute(Tuple.of("projection-control:" + projection.name()))
                        .flatMap(ignored -> tx.query(ProjectionTables.PUBLIC_DDL).execute()))
                .flatMap(ignored -> pool.withTransaction(tx -> lockControl(tx)
                        .flatMap(locked -> tx.preparedQuery("""
                                        SELECT generation, projection_version FROM public.projection_generation
                                         WHERE projection = $1 AND state = 'live'""")
                                .execute(Tuple.of(projection.name())))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                return tx.preparedQuery("""
                                                INSERT INTO public.projection_generation
                                                    (projection, generation, state, projection_version, started_at, switched_at)
                                                SELECT $1, coalesce(max(generation), 0) + 1, 'live', $2, now(), now()
                                                  FROM public.projection_generation WHERE projection = $1
                                                RETURNING generation""")
                                        .execute(Tuple.of(projection.name(), projection.version()))
                                        .flatMap(inserted -> createSchema(tx, inserted.iterator().next().getInteger("generation")));
                            }
                            Row liveRow = rows.iterator().next();
                            Uni<Void> ddl = createSchema(tx, liveRow.getInteger("generation"));
                            if (liveRow.getInteger("projection_version") == projection.version()) {
                                return ddl;
                            }
                            LOG.infof("Projection %s: the live generation was built by version %d, this is version %d; rebuilding",
                                    projection.name(), liveRow.getInteger("projection_version"), projection.version());
                            return ddl.flatMap(created -> tx.preparedQuery("""
                                            INSERT INTO public.projection_generation (projection, generation, state, projection_version)
                                            SELECT $1, max(generation) + 1, 'requested', $2 FROM public.projection_generation
                                             WHERE projection = $1
                                            HAVING NOT EXISTS (SELECT 1 FROM public.projection_generation
                                                                WHERE projection = $1 AND state IN ('requested', 'building'))""")
                                    .execute(Tuple.of(projection.name(), projection.version())).replaceWithVoid());
                        })));
    }

    /** The generation's schema with the bookkeeping and the read-model tables, inside the caller's transaction. */
    private Uni<Void> createSchema(SqlClient tx, int generation) {
        String schema = ProjectionTables.schema(projection.name(), generation);
        return tx.query("CREATE SCHEMA IF NOT EXISTS " + schema + "; SET LOCAL search_path TO " + schema + ";\n"
                        + ProjectionTables.BOOKKEEPING_DDL + projection.ddl() + ";\nSET LOCAL search_path TO public")
                .execute().replaceWithVoid();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The consuming thread

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                if (!lock.held()) {
                    if (!lock.tryAcquire()) {
                        role = "standby";
                        Thread.sleep(settings.standbyRetry().toMillis());
                        continue;
                    }
                    role = "leader";
                    EventTopics.ensure(settings.bootstrapServers(), projection.topics(), settings.topicPartitions(), (short) 1);
                    live = open(liveGeneration());
                    LOG.infof("Projection %s is the leader; generation %d is live", projection.name(), live.generation);
                }
                controlCheck();
                if (building == null) {
                    step(live, settings.pollTimeout());
                } else {
                    step(live, Duration.ZERO); // what has arrived, without waiting: the rebuild must not idle
                    stepRebuild();
                }
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (WakeupException e) {
                // stop() woke the consumer
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrorAt = Instant.now();
                LOG.errorf(e, "Projection %s failed; resuming from the stored offsets in %d ms", projection.name(), backoff.toMillis());
                closeConsumers();
                lock.release();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
        closeConsumers();
        lock.release();
        role = "stopped";
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

    private int liveGeneration() {
        return lock.connection().preparedQuery(
                        "SELECT generation FROM public.projection_generation WHERE projection = $1 AND state = 'live'")
                .execute(Tuple.of(projection.name())).await().atMost(DB_TIMEOUT).iterator().next().getInteger("generation");
    }

    /** At most once a second: is a rebuild requested? */
    private void controlCheck() {
        long now = System.nanoTime();
        if (building != null || now < nextControlCheck) {
            return;
        }
        nextControlCheck = now + Duration.ofSeconds(1).toNanos();
        RowSet<Row> requested = lock.connection().preparedQuery("""
                        SELECT generation, state FROM public.projection_generation
                         WHERE projection = $1 AND state IN ('requested', 'building')""")
                .execute(Tuple.of(projection.name())).await().atMost(DB_TIMEOUT);
        if (requested.size() == 0) {
            return;
        }
        int generation = requested.iterator().next().getInteger("generation");
        String schema = ProjectionTables.schema(projection.name(), generation);
        LOG.infof("Projection %s: rebuilding into generation %d while generation %d stays live", projection.name(), generation,
                live.generation);
        try {
            inTransaction("public", tx -> tx.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute()
                    .flatMap(ignored -> createSchema(tx, generation))
                    .flatMap(ignored -> tx.preparedQuery("""
                                    UPDATE public.projection_generation SET state = 'building', started_at = now(), error = NULL
                                     WHERE projection = $1 AND generation = $2""")
                            .execute(Tuple.of(projection.name(), generation))));
            dropRetired(generation);
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
            LOG.warnf("Projection %s: rebuild batch failed (%d of %d): %s", projection.name(), rebuild.failures, REBUILD_ATTEMPTS,
                    e.getMessage());
            rebuild.seekToStored();
            return;
        }
        if (rebuild.caughtUpWith(live)) {
            switchTo(rebuild);
        }
    }

    private void failRebuild(int generation, String reason) {
        LOG.errorf("Projection %s: the rebuild into generation %d failed, generation %d stays live: %s", projection.name(),
                generation, live.generation, reason);
        if (building != null) {
            building.close();
            building = null;
        }
        String schema = ProjectionTables.schema(projection.name(), generation);
        inTransaction("public", tx -> tx.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute()
                .flatMap(ignored -> tx.preparedQuery("""
                                UPDATE public.projection_generation SET state = 'failed', finished_at = now(), error = $3
                                 WHERE projection = $1 AND generation = $2""")
                        .execute(Tuple.of(projection.name(), generation, reason == null ? "unknown failure" : reason))));
    }

    private void switchTo(GenerationConsumer rebuilt) {
        inTransaction("public", tx -> tx.preparedQuery("""
                        UPDATE public.projection_generation SET state = 'retired', finished_at = now()
                         WHERE projection = $1 AND state = 'live'""").execute(Tuple.of(projection.name()))
                .flatMap(ignored -> tx.preparedQuery("""
                                UPDATE public.projection_generation SET state = 'live', switched_at = now()
                                 WHERE projection = $1 AND generation = $2""")
                        .execute(Tuple.of(projection.name(), rebuilt.generation))));
        LOG.infof("Projection %s: generation %d is live (rebuilt), generation %d retired", projection.name(), rebuilt.generation,
                live.generation);
        live.close();
        live = rebuilt;
        building = null;
    }

    /** Drops retired generations but the most recent one, which readers that started before the switch may still use. */
    private void dropRetired(int keepAbove) {
        RowSet<Row> retired = lock.connection().preparedQuery("""
                        SELECT generation FROM public.projection_generation
                         WHERE projection = $1 AND state IN ('retired', 'failed') ORDER BY generation DESC OFFSET 1""")
                .execute(Tuple.of(projection.name())).await().atMost(DB_TIMEOUT);
        for (Row row : retired) {
            int generation = row.getInteger("generation");
            if (generation < keepAbove) {
                lock.connection().query("DROP SCHEMA IF EXISTS " + ProjectionTables.schema(projection.name(), generation) + " CASCADE")
                        .execute().await().atMost(DB_TIMEOUT);
            }
        }
    }

    private GenerationConsumer open(int generation) {
        GenerationConsumer consumer = new GenerationConsumer(generation);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projection.topics()) {
                consumer.kafka.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.kafka.assign(partitions);
            consumer.loadGaps();
            consumer.seekToStored();
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Polls one generation's consumer and applies what came, in one transaction. */
    private void step(GenerationConsumer generation, Duration timeout) {
        ConsumerRecords<String, byte[]> records = generation.kafka.poll(timeout);
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        applyRecords(generation, list);
    }

    /**
     * Applies records in one transaction. An event the projection cannot apply is parked and the rest applied; when
     * the database refuses the data of the batch (a data or integrity error), the batch is halved until the one
     * event it refuses is found, and that event is parked with the database's reason.
     */
    private void applyRecords(GenerationConsumer generation, List<ConsumerRecord<String, byte[]>> records) {
        Map<String, String> unprocessable = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            try {
                Batch batch = inTransaction(generation.schema, tx -> apply(tx, generation, records, unprocessable));
                generation.committed(batch);
                if (generation == live) {
                    appliedSinceStart += batch.applied;
                }
                return;
            } catch (UnprocessableEvent e) {
                if (attempt > records.size() || unprocessable.putIfAbsent(e.event().id(), e.getMessage()) != null) {
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
                String id = header(records.getFirst(), "ce_id");
                if (id == null || unprocessable.putIfAbsent(id, "the database refused its data: " + refused) != null) {
                    throw e;
                }
            }
        }
    }

    /** The database's message when it refused a value (SQLSTATE class 22, data exception, or 23, integrity); else null. */
    private static String refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
            }
        }
        return null;
    }

    private <T> T inTransaction(String schema, Function<SqlConnection, Uni<T>> work) {
        SqlConnection connection = lock.connection();
        Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
        try {
            connection.preparedQuery("SELECT set_config('search_path', $1, true)").execute(Tuple.of(schema)).await().atMost(DB_TIMEOUT);
            T result = work.apply(connection).await().atMost(DB_TIMEOUT);
            tx.commit().await().atMost(DB_TIMEOUT);
            return result;
        } catch (RuntimeException e) {
            try {
                tx.rollback().await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                // the connection is broken: the transaction is gone with it
            }
            throw e;
        }
    }

    /** What one batch did, for the consumer's in-memory state once committed. */
    private record Batch(int applied, Map<TopicPartition, Long> consumed, Map<StreamKey, Gap> newGaps,
                         Map<StreamKey, Gap> resolved) {
    }

    private record StreamKey(String source, String subject) {
    }

    private record Gap(long expected, long found, TopicPartition partition, long offset) {
    }

    private record ParkedRecord(ConsumerRecord<String, byte[]> record, String type, String subject, String reason) {
    }

    private Uni<Batch> apply(SqlConnection tx, GenerationConsumer generation, List<ConsumerRecord<String, byte[]>> records,
                             Map<String, String> unprocessable) {
        List<StreamPosition> positions = new ArrayList<>(records.size());
        List<String> sources = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            StreamPosition position = CloudEventCodec.streamPosition(record);
            positions.add(position);
            if (position != null) {
                sources.add(position.source());
                subjects.add(position.subject());
            }
        }
        return tx.preparedQuery("""
                        SELECT s.source, s.stream_id, s.version FROM consumer_stream s
                          JOIN unnest($1::text[], $2::text[]) AS k(source, stream_id)
                            ON s.source = k.source AND s.stream_id = k.stream_id""")
                .execute(Tuple.of(sources.toArray(String[]::new), subjects.toArray(String[]::new)))
                .flatMap(rows -> {
                    Map<StreamKey, Long> versions = new HashMap<>();
                    for (Row row : rows) {
                        versions.put(new StreamKey(row.getString("source"), row.getString("stream_id")), row.getLong("version"));
                    }
                    Map<StreamKey, Long> changed = new LinkedHashMap<>();
                    Map<StreamKey, Gap> newGaps = new LinkedHashMap<>();
                    Map<StreamKey, Gap> resolved = new HashMap<>();
                    Map<TopicPartition, Long> consumed = new HashMap<>();
                    List<ParkedRecord> parked = new ArrayList<>();
                    List<CloudEvent> toApply = new ArrayList<>();
                    for (int i = 0; i < records.size(); i++) {
                        ConsumerRecord<String, byte[]> record = records.get(i);
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        consumed.put(partition, record.offset() + 1);
                        StreamPosition position = positions.get(i);
                        CloudEvent event = null;
                        String reason = null;
                        try {
                            event = CloudEventCodec.decode(record);
                        } catch (UndecodableRecord e) {
                            reason = e.getMessage();
                        }
                        if (position == null) {
                            parked.add(new ParkedRecord(record, header(record, "ce_type"), header(record, "ce_subject"),
                                    reason == null ? "no stream position" : reason));
                            continue;
                        }
                        StreamKey key = new StreamKey(position.source(), position.subject());
                        long current = versions.getOrDefault(key, 0L);
                        if (position.version() <= current) {
                            continue; // applied before: a record read again or published twice
                        }
                        if (position.version() > current + 1) {
                            Gap known = generation.gaps.get(key);
                            Gap found = newGaps.get(key);
                            if (known == null && found == null) {
                                newGaps.put(key, new Gap(current + 1, position.version(), partition, record.offset()));
                            }
                            continue;
                        }
                        versions.put(key, position.version());
                        changed.put(key, position.version());
                        Gap filled = generation.gaps.containsKey(key) ? generation.gaps.get(key) : newGaps.remove(key);
                        if (filled != null) {
                            resolved.put(key, filled); // the events passed over after it are read again
                        }
                        if (reason != null) {
                            parked.add(new ParkedRecord(record, header(record, "ce_type"), position.subject(), reason));
                        } else if (!known.contains(event.type())) {
                            parked.add(new ParkedRecord(record, event.type(), event.subject(),
                                    "unknown event type '" + event.type() + "' from " + event.source()));
                        } else if (unprocessable.containsKey(event.id())) {
                            parked.add(new ParkedRecord(record, event.type(), event.subject(),
                                    "its data cannot be applied: " + unprocessable.get(event.id())));
                        } else if (projection.appliedTypes().contains(event.type())) {
                            toApply.add(event);
                        }
                    }
                    Uni<Void> applied = toApply.isEmpty() ? Uni.createFrom().voidItem() : projection.apply(tx, toApply);
                    return applied
                            .flatMap(ignored -> saveVersions(tx, changed))
                            .flatMap(ignored -> saveParked(tx, parked))
                            .flatMap(ignored -> saveGaps(tx, newGaps, resolved))
                            .flatMap(ignored -> saveOffsets(tx, generation.storedOffsets(consumed, newGaps, resolved)))
                            .map(ignored -> new Batch(toApply.size(), consumed, newGaps, resolved));
                });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Uni<Void> saveVersions(SqlConnection tx, Map<StreamKey, Long> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO consumer_stream (source, stream_id, version)
                        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
                        ON CONFLICT (source, stream_id) DO UPDATE SET version = excluded.version
                        WHERE consumer_stream.version < excluded.version""")
                .execute(Tuple.of(changed.keySet().stream().map(StreamKey::source).toArray(String[]::new),
                        changed.keySet().stream().map(StreamKey::subject).toArray(String[]::new),
                        changed.values().toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> saveParked(SqlConnection tx, List<ParkedRecord> parked) {
        if (parked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (ParkedRecord p : parked) {
            JsonObject headers = new JsonObject();
            for (Header h : p.record().headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            byte[] value = p.record().value();
            if (value != null && value.length > PARKED_VALUE_LIMIT) {
                value = java.util.Arrays.copyOf(value, PARKED_VALUE_LIMIT);
            }
            LOG.warnf("Parked %s-%d@%d: %s", p.record().topic(), p.record().partition(), p.record().offset(), p.reason());
            rows.add(Tuple.tuple().addString(p.record().topic()).addInteger(p.record().partition()).addLong(p.record().offset())
                    .addString(p.record().key()).addString(p.type()).addString(p.subject()).addString(p.reason())
                    .addValue(headers).addValue(value == null ? null : io.vertx.core.buffer.Buffer.buffer(value)));
        }
        return tx.preparedQuery("""
                        INSERT INTO consumer_parked (topic, partition, "offset", record_key, type, subject, reason, headers, value)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (topic, partition, "offset") DO NOTHING""")
                .executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Void> saveGaps(SqlConnection tx, Map<StreamKey, Gap> gaps, Map<StreamKey, Gap> resolved) {
        Uni<Void> removed = resolved.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                        DELETE FROM consumer_gap g USING unnest($1::text[], $2::text[]) AS k(source, stream_id)
                         WHERE g.source = k.source AND g.stream_id = k.stream_id""")
                .execute(Tuple.of(resolved.keySet().stream().map(StreamKey::source).toArray(String[]::new),
                        resolved.keySet().stream().map(StreamKey::subject).toArray(String[]::new)))
                .replaceWithVoid();
        if (gaps.isEmpty()) {
            return removed;
        }
        List<Tuple> rows = new ArrayList<>();
        gaps.forEach((key, gap) -> rows.add(Tuple.tuple().addString(key.source()).addString(key.subject())
                .addLong(gap.expected()).addLong(gap.found()).addString(gap.partition().topic())
                .addInteger(gap.partition().partition()).addLong(gap.offset())));
        return removed.flatMap(ignored -> tx.preparedQuery("""
                        INSERT INTO consumer_gap (source, stream_id, expected_version, found_version, topic, partition, "offset")
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (source, stream_id) DO NOTHING""")
                .executeBatch(rows).replaceWithVoid());
    }

    private static Uni<Void> saveOffsets(SqlConnection tx, Map<TopicPartition, Long> offsets) {
        if (offsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO consumer_offset (topic, partition, next_offset)
                        SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
                        WHERE consumer_offset.next_offset < excluded.next_offset""")
                .execute(Tuple.of(offsets.keySet().stream().map(TopicPartition::topic).toArray(String[]::new),
                        offsets.keySet().stream().map(TopicPartition::partition).toArray(Integer[]::new),
                        offsets.values().toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** One generation's Kafka consumer and what it knows beyond the database: its unresolved gaps and position. */
    private final class GenerationConsumer {
        final int generation;
        final String schema;
        final KafkaConsumer<String, byte[]> kafka;
        final Map<StreamKey, Gap> gaps = new HashMap<>();
        final Map<TopicPartition, Long> position = new HashMap<>();
        int failures;

        GenerationConsumer(int generation) {
            this.generation = generation;
            this.schema = ProjectionTables.schema(projection.name(), generation);
            this.kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.CLIENT_ID_CONFIG, "projection-" + schema,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        }

        void loadGaps() {
            gaps.clear();
            for (Row row : inTransaction(schema, tx -> tx.query("SELECT * FROM consumer_gap").execute())) {
                gaps.put(new StreamKey(row.getString("source"), row.getString("stream_id")),
                        new Gap(row.getLong("expected_version"), row.getLong("found_version"),
                                new TopicPartition(row.getString("topic"), row.getInteger("partition")), row.getLong("offset")));
            }
        }

        /** Seeks every assigned partition to the stored offset (the earliest unresolved gap, at most). */
        void seekToStored() {
            Map<TopicPartition, Long> stored = new HashMap<>();
            for (Row row : inTransaction(schema, tx -> tx.query("SELECT topic, partition, next_offset FROM consumer_offset").execute())) {
                stored.put(new TopicPartition(row.getString("topic"), row.getInteger("partition")), row.getLong("next_offset"));
            }
            position.clear();
            for (TopicPartition partition : kafka.assignment()) {
                Long offset = stored.get(partition);
                if (offset == null) {
                    kafka.seekToBeginning(List.of(partition));
                    position.put(partition, 0L);
                } else {
                    kafka.seek(partition, offset);
                    position.put(partition, offset);
                }
            }
        }

        /**
         * The offsets to store: where this batch got to, but never past a gap, open or filled by this batch (what
         * was passed over after a filled gap is read again next, and must be after a crash too).
         */
        Map<TopicPartition, Long> storedOffsets(Map<TopicPartition, Long> consumed, Map<StreamKey, Gap> newGaps,
                                                Map<StreamKey, Gap> resolved) {
            Map<TopicPartition, Long> offsets = new HashMap<>(consumed);
            List<Gap> open = new ArrayList<>(newGaps.values());
            open.addAll(gaps.values());
            open.addAll(resolved.values());
            for (Gap gap : open) {
                offsets.computeIfPresent(gap.partition(), (p, next) -> Math.min(next, gap.offset()));
            }
            return offsets;
        }

        /** After the commit: remember the gaps, and read again from a resolved gap what was passed over. */
        void committed(Batch batch) {
            position.putAll(batch.consumed());
            Map<TopicPartition, Long> rereadFrom = new HashMap<>();
            batch.resolved().forEach((key, gap) -> {
                gaps.remove(key);
                rereadFrom.merge(gap.partition(), gap.offset(), Math::min);
            });
            gaps.putAll(batch.newGaps());
            rereadFrom.forEach((partition, offset) -> {
                kafka.seek(partition, offset);
                position.put(partition, offset);
            });
        }

        /** Has this (rebuilding) generation read every partition as far as the live one? */
        boolean caughtUpWith(GenerationConsumer other) {
            for (Map.Entry<TopicPartition, Long> entry : other.position.entrySet()) {
                if (position.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
                    return false;
                }
            }
            return true;
        }

        void close() {
            try {
                kafka.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
