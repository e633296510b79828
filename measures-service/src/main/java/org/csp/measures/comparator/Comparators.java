package org.csp.measures.comparator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.QueryTable;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;

/** Application service of the comparators: each posted set of figures is one transaction (append + query table). */
@ApplicationScoped
public class Comparators {

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
                PRIMARY KEY (partnership_id, indicator_code, geography, period))""";

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
                1,
                DDL,
                (tx, events) -> QueryTable.refill(
                        tx,
                        "comparator_state",
                        events,
                        ComparatorEvent.TYPES,
                        Comparator.DECIDER,
                        f -> upsert(tx, f.partnershipId(), f.state().current())));
    }

    /** Records the figures; the outcome says whether they changed anything. */
    public Uni<Aggregate.Outcome<ComparatorEvent, Comparator>> record(
            String partnershipId, RecordComparator command, Actor actor) {
        String id = command.indicatorCode() + ":" + command.geography() + ":"
                + command.period().replace('/', '-').replace(' ', '-');
        return aggregate.execute(partnershipId, id, command, null, actor);
    }

    /** A row of {@code comparator_state}: the current figures of an indicator, period and geography. */
    public record ComparatorRow(
            String indicatorCode,
            String period,
            String geography,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            String submittedBy,
            int revision) {
        static ComparatorRow of(ComparatorRecorded c) {
            return new ComparatorRow(
                    c.indicatorCode(),
                    c.period(),
                    c.geography(),
                    c.average(),
                    c.lower(),
                    c.upper(),
                    c.submittedBy(),
                    c.revision());
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
                .map(rows -> {
                    List<ComparatorRow> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ComparatorRow(
                                r.getString("indicator_code"),
                                r.getString("period"),
                                r.getString("geography"),
                                r.getBigDecimal("average"),
                                r.getBigDecimal("lower_limit"),
                                r.getBigDecimal("upper_limit"),
                                r.getString("submitted_by"),
                                r.getInteger("revision")));
                    }
                    return list;
                });
    }

    private static Uni<Void> upsert(
            io.vertx.mutiny.sqlclient.SqlClient tx, String partnershipId, ComparatorRecorded c) {
        return tx.preparedQuery("""
                        INSERT INTO comparator_state (partnership_id, indicator_code, geography, period, first_day, average,
                            lower_limit, upper_limit, submitted_by, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        ON CONFLICT (partnership_id, indicator_code, geography, period) DO UPDATE SET average = excluded.average,
                            lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit,
                            submitted_by = excluded.submitted_by, revision = excluded.revision""")
                .execute(Tuple.tuple()
                        .addString(partnershipId)
                        .addString(c.indicatorCode())
                        .addString(c.geography())
                        .addString(c.period())
                        .addLocalDate(
                                ReportingPeriod.parse(c.period()).orElseThrow().firstDay())
                        .addValue(c.average())
                        .addValue(c.lower())
                        .addValue(c.upper())
                        .addString(c.submittedBy())
                        .addInteger(c.revision()))
                .replaceWithVoid();
    }
}
