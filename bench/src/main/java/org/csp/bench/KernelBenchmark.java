package org.csp.bench;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.NewEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.cloudevents.KafkaConnection;
import org.csp.eventsourcing.leadership.LeaderLock;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.eventsourcing.relay.OutboxRelay;
import org.csp.eventsourcing.relay.RelayConfig;
import org.csp.infrastructure.ChildProcess;
import org.csp.infrastructure.Durability;
import org.csp.infrastructure.LocalKafka;
import org.csp.infrastructure.LocalPostgres;

/**
 * Appends N events (default 1,000,000) through the kernel in transactions of 500, publishes them with the outbox
 * relay, and builds and then rebuilds a projection of them, on a durable PostgreSQL and a real Kafka broker;
 * beside each Kafka figure, the rate of Kafka's own {@code kafka-producer-perf-test} / {@code kafka-consumer-perf-test}
 * on the same broker with records of the same size, and the ratio. Prints a table; nothing is timed in a test.
 */
public final class KernelBenchmark {

    private static final int BATCH = 500;
    private static final int EVENTS_PER_STREAM = 5;
    private static final String TOPIC = "bench.events";
    private static final String PAYLOAD = """
            {"indicatorCode":"ASB-INCIDENTS","period":"2024-08","geography":"E07000082","value":%d,"status":"provisional",\
            "source":"gloucestershire-constabulary","submittedBy":"police-gloucestershire","revision":%d}""";

    private final int events;
    private final Map<String, String> results = new LinkedHashMap<>();

    private KernelBenchmark(int events) {
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        int events = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--events") && i + 1 < args.length) {
                events = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
            }
        }
        new KernelBenchmark(events).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Files.createDirectories(Path.of(
                        "bench",
                        "target",
                        "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))))
                .toAbsolutePath();
        Vertx vertx = Vertx.vertx();
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), 0, Durability.DURABLE);
                LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), 0)) {
            postgres.createDatabaseIfMissing("bench");
            PgConnectOptions options =
                    PgConnectOptions.fromUri(postgres.reactiveUrl("bench")).setUser(postgres.username());
            Pool pool = Pool.newInstance(PgPool.pool(vertx.getDelegate(), options, new PoolOptions().setMaxSize(4)));
            System.out.printf(
                    "PostgreSQL %s; Kafka %s; %,d events%n", settings(pool), kafka.bootstrapServers(), events);

            EventStore store = new EventStore(pool, () -> {});
            store.createTables().await().atMost(Duration.ofMinutes(1));
            EventTopics.ensure(
                    KafkaConnection.plain(kafka.bootstrapServers()), List.of(TOPIC, "bench.producer-perf"), 3, (short)
                            1);

            double append = append(store);
            record("append (kernel, transactions of " + BATCH + ")", append, null);

            double relay = relay(store, vertx, options, kafka.bootstrapServers());
            int recordSize = PAYLOAD.formatted(12, 1).length();
            double producerPerf = producerPerf(kafka.bootstrapServers(), recordSize, data);
            record("relay publish (acks=all, idempotent)", relay, producerPerf);

            double[] projection = projection(pool, vertx, options, kafka.bootstrapServers());
            double consumerPerf = consumerPerf(kafka.bootstrapServers(), data);
            record("projection first build", projection[0], consumerPerf);
            record("projection rebuild (into a new generation)", projection[1], consumerPerf);
            pool.close().await().indefinitely();
        } finally {
            vertx.closeAndAwait();
            deleteQuietly(data);
        }
        System.out.println();
        System.out.printf("%-46s %14s %16s %7s%n", "stage", "events/s", "Kafka tool ev/s", "ratio");
        results.forEach((stage, line) -> System.out.printf("%-46s %s%n", stage, line));
    }

    private void record(String stage, double rate, Double kafkaRate) {
        String line = kafkaRate == null
                ? "%14s %16s %7s".formatted(format(rate), "–", "–")
                : "%14s %16s %7.2f".formatted(format(rate), format(kafkaRate), rate / kafkaRate);
        results.put(stage, line);
        System.out.printf("  %s: %s%n", stage, line.strip());
    }

    private static String format(double rate) {
        return "%,.0f".formatted(rate);
    }

    private static String settings(Pool pool) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            values.add(name + "="
                    + pool.query("SHOW " + name)
                            .execute()
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .iterator()
                            .next()
                            .getString(0));
        }
        String joined = String.join(", ", values);
        return joined + (joined.contains("=off") ? " (NOT durable)" : " (durable)");
    }

    private double append(EventStore store) {
        int streams = Math.max(BATCH, events / EVENTS_PER_STREAM);
        long start = System.nanoTime();
        for (int first = 0; first < events; first += BATCH) {
            int from = first;
            int to = Math.min(events, first + BATCH);
            store.inTransaction(unit -> {
                        for (int i = from; i < to; i++) {
                            int version = i / streams;
                            unit.append(new StreamAppend(
                                    "bench:datapoint:" + (i % streams),
                                    "bench",
                                    version,
                                    List.of(new NewEvent(
                                            "measures.measure.recorded.v1", PAYLOAD.formatted(i % 97, version + 1))),
                                    Actor.SYSTEM));
                        }
                        return Uni.createFrom().voidItem();
                    })
                    .await()
                    .atMost(Duration.ofMinutes(1));
        }
        return events / seconds(start);
    }

    private double relay(EventStore store, Vertx vertx, PgConnectOptions options, String servers)
            throws InterruptedException {
        long last = store.pool()
                .query("SELECT max(position) AS p FROM events")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong("p");
        OutboxRelay relay = new OutboxRelay(
                store, relayConfig(servers), new LeaderLock(vertx, options, "relay:" + TOPIC), KafkaProducer::new);
        long start = System.nanoTime();
        relay.start();
        await(
                () -> relay.status().publishedPosition() >= last,
                Duration.ofMinutes(20),
                "the relay to publish everything");
        double rate = events / seconds(start);
        relay.stop();
        return rate;
    }

    /**
     * The relay as a service runs it: the {@code csp.relay} defaults {@link RelayConfig} declares, with the bench's
     * topic, broker and batch size, so that the figures follow the defaults when they change.
     */
    private static RelayConfig relayConfig(String servers) {
        return RelayConfig.of(Map.of(
                "csp.relay.topic",
                TOPIC,
                "csp.relay.source",
                "bench",
                "csp.relay.kafka.bootstrap-servers",
                servers,
                "csp.relay.batch-size",
                Integer.toString(BATCH)));
    }

    /** Counts data points per indicator and geography: one statement per batch, like the gateway's views. */
    private static final class Totals implements Projection {
        public String name() {
            return "bench";
        }

        public int version() {
            return 1;
        }

        public List<String> topics() {
            return List.of(TOPIC);
        }

        public Set<String> appliedTypes() {
            return Set.of("measures.measure.recorded.v1");
        }

        public Set<String> ignoredTypes() {
            return Set.of();
        }

        public String ddl() {
            return "CREATE TABLE IF NOT EXISTS total (indicator text, geography text, points bigint NOT NULL, "
                    + "value_sum bigint NOT NULL, PRIMARY KEY (indicator, geography))";
        }

        public Uni<Void> apply(SqlConnection tx, List<CloudEvent> batch) {
            Map<List<String>, long[]> sums = new LinkedHashMap<>();
            for (CloudEvent event : batch) {
                long[] sum = sums.computeIfAbsent(
                        List.of(
                                event.data().get("indicatorCode").asText(),
                                event.data().get("geography").asText()),
                        k -> new long[2]);
                sum[0]++;
                sum[1] += event.data().get("value").asLong();
            }
            return tx.preparedQuery("""
                            INSERT INTO total (indicator, geography, points, value_sum)
                            SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])
                            ON CONFLICT (indicator, geography) DO UPDATE SET points = total.points + excluded.points,
                                value_sum = total.value_sum + excluded.value_sum""")
                    .execute(Tuple.of(
                            sums.keySet().stream().map(k -> k.get(0)).toArray(String[]::new),
                            sums.keySet().stream().map(k -> k.get(1)).toArray(String[]::new),
                            sums.values().stream().map(s -> s[0]).toArray(Long[]::new),
                            sums.values().stream().map(s -> s[1]).toArray(Long[]::new)))
                    .replaceWithVoid();
        }
    }

    /** Seconds for the first build from an empty database, then for a rebuild into a second generation. */
    private double[] projection(Pool pool, Vertx vertx, PgConnectOptions options, String servers)
            throws InterruptedException {
        ProjectionRunner runner = new ProjectionRunner(
                new Totals(),
                pool,
                new LeaderLock(vertx, options, "projection:bench"),
                new ConsumerSettings(
                        KafkaConnection.plain(servers),
                        2000,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        3));
        long start = System.nanoTime();
        runner.start();
        await(() -> points(pool) >= events, Duration.ofMinutes(20), "the first build");
        double first = events / seconds(start);

        long rebuildStart = System.nanoTime();
        runner.requestRebuild().await().atMost(Duration.ofSeconds(10));
        await(
                () -> {
                    ProjectionStatus.Generation live = runner.status()
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .live();
                    return live.generation() == 2;
                },
                Duration.ofMinutes(20),
                "the rebuild");
        double rebuild = events / seconds(rebuildStart);
        if (points(pool) != events) {
            throw new IllegalStateException("The rebuilt projection counts " + points(pool) + " events, not " + events);
        }
        runner.stop();
        return new double[] {first, rebuild};
    }

    private static long points(Pool pool) {
        return ProjectionRunner.read(
                        pool,
                        "bench",
                        tx -> tx.query("SELECT coalesce(sum(points), 0) AS n FROM total")
                                .execute())
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong("n");
    }

    private double producerPerf(String servers, int recordSize, Path data) throws IOException {
        String out = tool(
                "producer-perf",
                "org.apache.kafka.tools.ProducerPerformance",
                data,
                List.of(
                        "--topic",
                        "bench.producer-perf",
                        "--num-records",
                        Integer.toString(events),
                        "--record-size",
                        Integer.toString(recordSize),
                        "--throughput",
                        "-1",
                        "--producer-props",
                        "bootstrap.servers=" + servers,
                        "acks=all",
                        "enable.idempotence=true",
                        "linger.ms=5",
                        "max.in.flight.requests.per.connection=5"));
        Matcher m =
                Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(out);
        double rate = 0;
        while (m.find()) {
            rate = Double.parseDouble(m.group(2)); // the last line is the total
        }
        return rate;
    }

    private double consumerPerf(String servers, Path data) throws IOException {
        String out = tool(
                "consumer-perf",
                "org.apache.kafka.tools.ConsumerPerformance",
                data,
                List.of(
                        "--bootstrap-server",
                        servers,
                        "--topic",
                        TOPIC,
                        "--messages",
                        Integer.toString(events),
                        "--group",
                        "bench-perf-" + System.nanoTime(),
                        "--timeout",
                        "60000"));
        // The CSV line after the header: start, end, MB, MB/s, messages, messages/s, …
        for (String line : out.lines().toList()) {
            String[] columns = line.split(",\\s*");
            if (columns.length >= 6 && columns[4].matches("\\d+") && columns[5].matches("[\\d.]+")) {
                return Double.parseDouble(columns[5]);
            }
        }
        throw new IllegalStateException("kafka-consumer-perf-test printed no figures:\n" + out);
    }

    private static String tool(String name, String mainClass, Path data, List<String> arguments) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("bench", "target", "kafka-tools"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        Path log = data.resolve(name + ".log");
        ChildProcess process =
                ChildProcess.start(name, LocalKafka.toolCommand(jars, mainClass, arguments), Map.of(), log);
        process.await(() -> !process.alive(), Duration.ofMinutes(20), name + " to finish");
        return Files.readString(log);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover folder under bench/target is harmless
        }
    }
}
