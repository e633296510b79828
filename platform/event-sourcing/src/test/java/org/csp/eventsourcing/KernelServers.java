package org.csp.eventsourcing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.csp.infrastructure.Durability;
import org.csp.infrastructure.LocalKafka;
import org.csp.infrastructure.LocalPostgres;

/**
 * A real PostgreSQL and a real Kafka broker shared by the kernel's test classes (started on first use, stopped when
 * the test JVM exits); each test takes a fresh database and fresh topics.
 */
public final class KernelServers {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static Vertx vertx;
    private static final AtomicInteger databases = new AtomicInteger();

    private KernelServers() {}

    private static synchronized void start(boolean withKafka) {
        try {
            Path root = Files.createDirectories(
                            Path.of("target", "kernel-it", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            if (postgres == null) {
                postgres = LocalPostgres.start(root.resolve("postgres"), 0, Durability.THROWAWAY);
                vertx = Vertx.vertx();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    vertx.closeAndAwait();
                                    if (kafka != null) {
                                        kafka.close();
                                    }
                                    postgres.close();
                                },
                                "kernel-servers-stop"));
            }
            if (withKafka && kafka == null) {
                kafka = LocalKafka.start(root.resolve("kafka"), 0);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Vertx vertx() {
        start(false);
        return vertx;
    }

    public static String kafka() {
        start(true);
        return kafka.bootstrapServers();
    }

    /** A database of its own, with the event table. */
    public static Database database() {
        start(false);
        String name = "kernel_" + databases.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        postgres.createDatabaseIfMissing(name);
        PgConnectOptions options =
                PgConnectOptions.fromUri(postgres.reactiveUrl(name)).setUser(postgres.username());
        Pool pool = Pool.newInstance(PgPool.pool(vertx.getDelegate(), options, new PoolOptions().setMaxSize(6)));
        pool.query(EventStoreSchema.DDL).execute().await().atMost(Duration.ofSeconds(30));
        return new Database(name, options, pool);
    }

    public record Database(String name, PgConnectOptions options, Pool pool) {

        /** What {@code sql} answers, with {@code params} as $1, $2 …, waited for up to 10 seconds. */
        public RowSet<Row> rows(String sql, Object... params) {
            return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
        }

        /** The first row of {@link #rows}. */
        public Row first(String sql, Object... params) {
            return rows(sql, params).iterator().next();
        }
    }
}
