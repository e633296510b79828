package org.csp.eventsourcing.projection;

import static org.csp.eventsourcing.projection.LeaderTransactions.DB_TIMEOUT;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

/**
 * The lifecycle of a projection's generations in {@code public.projection_generation}: a live one created at start-up
 * (and a rebuild requested when the live one was built by another version), a rebuild requested from any instance,
 * then by the leader built, switched to live or failed, and the retired ones dropped.
 */
final class Generations {

    private static final Logger LOG = Logger.getLogger(Generations.class);

    private final Projection projection;
    private final Pool pool;
    private final LeaderTransactions leader;

    Generations(Projection projection, Pool pool, LeaderTransactions leader) {
        this.projection = projection;
        this.pool = pool;
        this.leader = leader;
    }

    String schema(int generation) {
        return ProjectionTables.schema(projection.name(), generation);
    }

    // ---------------------------------------------------------------------------------------------------------
    // From any instance

    /** The tables and a live generation, whichever instance comes first; a rebuild if the live one is of another version. */
    void prepare() {
        pool.withTransaction(tx -> lockControl(tx)
                        .flatMap(
                                ignored -> tx.query(ProjectionTables.PUBLIC_DDL).execute()))
                .flatMap(ignored -> pool.withTransaction(tx -> lockControl(tx)
                        .flatMap(locked -> tx.preparedQuery("""
                                        SELECT generation, projection_version FROM public.projection_generation
                                         WHERE projection = $1 AND state = 'live'""").execute(Tuple.of(projection.name())))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                return tx.preparedQuery("""
                                                INSERT INTO public.projection_generation
                                                    (projection, generation, state, projection_version, started_at, switched_at)
                                                SELECT $1, coalesce(max(generation), 0) + 1, 'live', $2, now(), now()
                                                  FROM public.projection_generation WHERE projection = $1
                                                RETURNING generation""")
                                        .execute(Tuple.of(projection.name(), projection.version()))
                                        .flatMap(inserted -> createSchema(
                                                tx, inserted.iterator().next().getInteger("generation")));
                            }
                            Row liveRow = rows.iterator().next();
                            Uni<Void> ddl = createSchema(tx, liveRow.getInteger("generation"));
                            if (liveRow.getInteger("projection_version") == projection.version()) {
                                return ddl;
                            }
                            LOG.infof(
                                    "Projection %s: the live generation was built by version %d, this is version %d;"
                                            + " rebuilding",
                                    projection.name(), liveRow.getInteger("projection_version"), projection.version());
                            return ddl.flatMap(created -> tx.preparedQuery("""
                                            INSERT INTO public.projection_generation
                                                (projection, generation, state, projection_version)
                                            SELECT $1, max(generation) + 1, 'requested', $2 FROM public.projection_generation
                                             WHERE projection = $1
                                            HAVING NOT EXISTS (SELECT 1 FROM public.projection_generation
                                                                WHERE projection = $1 AND state IN ('requested', 'building'))""")
                                    .execute(Tuple.of(projection.name(), projection.version()))
                                    .replaceWithVoid());
                        })))
                .await()
                .atMost(DB_TIMEOUT);
    }

    /** Asks for a rebuild; the generation being built (an already requested or running rebuild is not asked twice). */
    Uni<Integer> requestRebuild() {
        return pool.withTransaction(tx -> lockControl(tx)
                .flatMap(ignored -> tx.preparedQuery("""
                                SELECT generation FROM public.projection_generation
                                 WHERE projection = $1 AND state IN ('requested', 'building')""").execute(Tuple.of(projection.name())))
                .flatMap(pending -> pending.size() > 0
                        ? Uni.createFrom().item(pending.iterator().next().getInteger("generation"))
                        : tx.preparedQuery("""
                                        INSERT INTO public.projection_generation
                                            (projection, generation, state, projection_version)
                                        SELECT $1, coalesce(max(generation), 0) + 1, 'requested', $2
                                          FROM public.projection_generation WHERE projection = $1
                                        RETURNING generation""")
                                .execute(Tuple.of(projection.name(), projection.version()))
                                .map(rows -> rows.iterator().next().getInteger("generation"))));
    }

    /** Serialises changes to the projection's generations across instances, for the rest of the transaction. */
    private Uni<Void> lockControl(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("projection-control:" + projection.name()))
                .replaceWithVoid();
    }

    /** The generation's schema with the bookkeeping and the read-model tables, inside the caller's transaction. */
    private Uni<Void> createSchema(SqlClient tx, int generation) {
        String schema = schema(generation);
        return tx.query("CREATE SCHEMA IF NOT EXISTS " + schema + "; SET LOCAL search_path TO " + schema + ";\n"
                        + ProjectionTables.BOOKKEEPING_DDL + projection.ddl() + ";\nSET LOCAL search_path TO public")
                .execute()
                .replaceWithVoid();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The leader's, on its lock's connection

    int live() {
        return leader.now(c -> c.preparedQuery(
                                "SELECT generation FROM public.projection_generation WHERE projection = $1 AND state = 'live'")
                        .execute(Tuple.of(projection.name())))
                .iterator()
                .next()
                .getInteger("generation");
    }

    /**
     * What the leader checks every second: the generation a rebuild was requested into (or is building, after a change
     * of leader; null when none), and how often the live generation was repaired (a gap skipped: reload it).
     */
    record Control(Integer requested, long liveRepairs) {}

    Control control() {
        RowSet<Row> rows = leader.now(c -> c.preparedQuery("""
                        SELECT generation, state, repairs FROM public.projection_generation
                         WHERE projection = $1 AND state IN ('requested', 'building', 'live')""").execute(Tuple.of(projection.name())));
        Integer requested = null;
        long repairs = 0;
        for (Row row : rows) {
            if (row.getString("state").equals("live")) {
                repairs = row.getLong("repairs");
            } else {
                requested = row.getInteger("generation");
            }
        }
        return new Control(requested, repairs);
    }

    /** Fresh tables for the generation, marked building; retired generations but the latest dropped. */
    void startBuilding(int generation) {
        leader.inTransaction(
                "public",
                tx -> tx.query("DROP SCHEMA IF EXISTS " + schema(generation) + " CASCADE")
                        .execute()
                        .flatMap(ignored -> createSchema(tx, generation))
                        .flatMap(ignored -> tx.preparedQuery("""
                                UPDATE public.projection_generation SET state = 'building', started_at = now(), error = NULL
                                 WHERE projection = $1 AND generation = $2""").execute(Tuple.of(projection.name(), generation))));
        dropRetired(generation);
    }

    /** The rebuild failed: its tables go, the reason stays. */
    void fail(int generation, String reason) {
        leader.inTransaction(
                "public",
                tx -> tx.query("DROP SCHEMA IF EXISTS " + schema(generation) + " CASCADE")
                        .execute()
                        .flatMap(ignored -> tx.preparedQuery("""
                                UPDATE public.projection_generation SET state = 'failed', finished_at = now(), error = $3
                                 WHERE projection = $1 AND generation = $2""")
                                .execute(Tuple.of(
                                        projection.name(), generation, reason == null ? "unknown failure" : reason))));
    }

    /** The rebuilt generation becomes live and the live one retired, in one transaction. */
    void switchTo(int generation) {
        leader.inTransaction(
                "public",
                tx -> tx.preparedQuery("""
                        UPDATE public.projection_generation SET state = 'retired', finished_at = now()
                         WHERE projection = $1 AND state = 'live'""")
                        .execute(Tuple.of(projection.name()))
                        .flatMap(ignored -> tx.preparedQuery("""
                                UPDATE public.projection_generation SET state = 'live', switched_at = now()
                                 WHERE projection = $1 AND generation = $2""").execute(Tuple.of(projection.name(), generation))));
    }

    /** Drops retired generations but the most recent one, which readers that started before the switch may still use. */
    private void dropRetired(int keepAbove) {
        RowSet<Row> retired = leader.now(c -> c.preparedQuery("""
                        SELECT generation FROM public.projection_generation
                         WHERE projection = $1 AND state IN ('retired', 'failed') ORDER BY generation DESC OFFSET 1""").execute(Tuple.of(projection.name())));
        for (Row row : retired) {
            int generation = row.getInteger("generation");
            if (generation < keepAbove) {
                leader.now(c -> c.query("DROP SCHEMA IF EXISTS " + schema(generation) + " CASCADE")
                        .execute());
            }
        }
    }
}
