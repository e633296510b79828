package org.csp.measures.comparator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.QueryTable;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;

/**
 * Application service of the comparators: each posted set of figures is one transaction (append + query table), and so
 * is each imported export, all its rows or none.
 */
@ApplicationScoped
public class Comparators {

    /** Format 2: the partnership's figure, rank, group size and source (measures.comparator.recorded.v2). */
    static final int FORMAT = 2;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS comparator_state (
                partnership_id text    NOT NULL,
                indicator_code text    NOT NULL,
                geography      text    NOT NULL,
                period         text    NOT NULL,
                first_day      date    NOT NULL,
                average        numeric NOT NULL,
                lower_limit    numeric NOT NULL,
                upper_limit    numeric NOT NULL,
                submitted_by   text,
                revision       int     NOT NULL,
                value          numeric,
                rank           int,
                group_size     int,
                source         text,
                last_day       date,
                PRIMARY KEY (partnership_id, indicator_code, geography, period))""";

    /** What format 1 lacked, added to a table written before (CREATE TABLE IF NOT EXISTS leaves it as it was). */
    private static final String FORMAT_2 = """
            ALTER TABLE comparator_state ADD COLUMN IF NOT EXISTS value numeric,
                ADD COLUMN IF NOT EXISTS rank int, ADD COLUMN IF NOT EXISTS group_size int,
                ADD COLUMN IF NOT EXISTS source text, ADD COLUMN IF NOT EXISTS last_day date""";

    private final EventStore store;
    private final Aggregate<RecordComparator, ComparatorEvent, Comparator> aggregate;

    public Comparators(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(
                store,
                "comparator",
                "Comparator",
                ComparatorEvent.TYPES,
                Comparator.DECIDER,
                (tx, partnershipId, id, state, version) -> upsert(tx, partnershipId, state.current()));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        QueryTable.prepare(
                store,
                "comparator_state",
                FORMAT,
                DDL,
                ComparatorEvent.TYPES.readTypes(),
                (tx, events) -> tx.query(FORMAT_2)
                        .execute()
                        .flatMap(ignored -> QueryTable.refill(
                                tx,
                                "comparator_state",
                                events,
                                ComparatorEvent.TYPES,
                                Comparator.DECIDER,
                                f -> upsert(tx, f.partnershipId(), f.state().current()))));
    }

    /** Records the figures; the outcome says whether they changed anything. */
    public Uni<Aggregate.Outcome<ComparatorEvent, Comparator>> record(
            String partnershipId, RecordComparator command, Actor actor) {
        return aggregate.execute(partnershipId, id(command), command, null, actor);
    }

    /** One comparator of an import: the partnership whose district it is for, and its figures. */
    public record Recording(String partnershipId, RecordComparator command) {}

    /**
     * Records every comparator in one transaction, all or none; the answer is how many of them changed something (the
     * others were the current figures already). The commands are for different comparators.
     */
    public Uni<Integer> recordAll(List<Recording> recordings, Actor actor) {
        return store.inTransaction(unit -> recordEach(unit, recordings, 0, 0, actor));
    }

    private Uni<Integer> recordEach(UnitOfWork unit, List<Recording> recordings, int next, int changed, Actor actor) {
        if (next == recordings.size()) {
            return Uni.createFrom().item(changed);
        }
        Recording r = recordings.get(next);
        return aggregate
                .handle(unit, r.partnershipId(), id(r.command()), r.command(), null, actor)
                .flatMap(outcome ->
                        recordEach(unit, recordings, next + 1, changed + (outcome.changed() ? 1 : 0), actor));
    }

    private static String id(RecordComparator command) {
        return command.indicatorCode() + ":" + command.geography() + ":"
                + command.period().replace('/', '-').replace(' ', '-');
    }

    /** A row of {@code comparator_state}: the current figures of an indicator, period and geography. */
    public record ComparatorRow(
            String indicatorCode,
            String period,
            String geography,
            LocalDate firstDay,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize,
            String source,
            String submittedBy,
            int revision) {
        static ComparatorRow of(ComparatorRecorded c) {
            return new ComparatorRow(
                    c.indicatorCode(),
                    c.period(),
                    c.geography(),
                    ReportingPeriod.parse(c.period()).orElseThrow().firstDay(),
                    c.value(),
                    c.average(),
                    c.lower(),
                    c.upper(),
                    c.rank(),
                    c.groupSize(),
                    c.source(),
                    c.submittedBy(),
                    c.revision());
        }

        private static ComparatorRow of(Row r) {
            return new ComparatorRow(
                    r.getString("indicator_code"),
                    r.getString("period"),
                    r.getString("geography"),
                    r.getLocalDate("first_day"),
                    r.getBigDecimal("value"),
                    r.getBigDecimal("average"),
                    r.getBigDecimal("lower_limit"),
                    r.getBigDecimal("upper_limit"),
                    r.getInteger("rank"),
                    r.getInteger("group_size"),
                    r.getString("source"),
                    r.getString("submitted_by"),
                    r.getInteger("revision"));
        }
    }

    /** The current row of the figures a command left. */
    public static ComparatorRow row(Comparator state) {
        return ComparatorRow.of(state.current());
    }

    public Uni<List<ComparatorRow>> list(String partnershipId, String code) {
        return store.pool()
                .preparedQuery("""
                        SELECT * FROM comparator_state WHERE partnership_id = $1 AND indicator_code = $2
                         ORDER BY first_day, geography""")
                .execute(Tuple.of(partnershipId, code))
                .map(Comparators::rows);
    }

    /**
     * The comparators of {@code geography} for periods that lie within {@code from} to {@code to}, every indicator's,
     * latest period first (a month before a quarter that starts with it).
     */
    public Uni<List<ComparatorRow>> within(String partnershipId, String geography, LocalDate from, LocalDate to) {
        return store.pool()
                .preparedQuery("""
                        SELECT * FROM comparator_state WHERE partnership_id = $1 AND geography = $2
                           AND first_day >= $3 AND last_day <= $4
                         ORDER BY indicator_code, last_day DESC, first_day DESC""")
                .execute(Tuple.of(partnershipId, geography, from, to))
                .map(Comparators::rows);
    }

    private static List<ComparatorRow> rows(RowSet<Row> rows) {
        List<ComparatorRow> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(ComparatorRow.of(r));
        }
        return list;
    }

    private static Uni<Void> upsert(SqlClient tx, String partnershipId, ComparatorRecorded c) {
        ReportingPeriod period = ReportingPeriod.parse(c.period()).orElseThrow();
        return tx.preparedQuery("""
                        INSERT INTO comparator_state (partnership_id, indicator_code, geography, period, first_day, last_day,
                            value, average, lower_limit, upper_limit, rank, group_size, source, submitted_by, revision)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                        ON CONFLICT (partnership_id, indicator_code, geography, period) DO UPDATE SET value = excluded.value,
                            average = excluded.average, lower_limit = excluded.lower_limit,
                            upper_limit = excluded.upper_limit, rank = excluded.rank, group_size = excluded.group_size,
                            source = excluded.source, submitted_by = excluded.submitted_by, revision = excluded.revision""")
                .execute(Tuple.tuple()
                        .addString(partnershipId)
                        .addString(c.indicatorCode())
                        .addString(c.geography())
                        .addString(c.period())
                        .addLocalDate(period.firstDay())
                        .addLocalDate(period.lastDay())
                        .addValue(c.value())
                        .addValue(c.average())
                        .addValue(c.lower())
                        .addValue(c.upper())
                        .addValue(c.rank())
                        .addValue(c.groupSize())
                        .addString(c.source())
                        .addString(c.submittedBy())
                        .addInteger(c.revision()))
                .replaceWithVoid();
    }
}
