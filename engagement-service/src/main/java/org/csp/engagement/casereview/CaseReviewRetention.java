package org.csp.engagement.casereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.csp.calendar.UkCalendar;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.jboss.logging.Logger;

/**
 * The retention policy of case-review free text: once a review has been closed for longer than
 * {@code csp.case-reviews.retention}, its key is destroyed, which leaves its threshold reason, recommendations and
 * outcome summary unreadable everywhere they were stored (events, query table, Kafka, any rebuilt view). Dates,
 * decision, outcome and counts stay. Runs at start, every {@code csp.case-reviews.retention-check} and on request;
 * every run is logged. Running it twice, or on two instances at once, destroys nothing twice.
 */
@ApplicationScoped
public class CaseReviewRetention {

    private static final Logger LOG = Logger.getLogger(CaseReviewRetention.class);

    private final EventStore store;
    private final CaseReviewConfig config;
    private final Vertx vertx;
    private final Clock clock;

    public CaseReviewRetention(EventStore store, CaseReviewConfig config, Vertx vertx, Clock clock) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** What a run did: the cut-off (reviews closed before it) and how many reviews' text it removed. */
    public record Run(Period retention, LocalDate closedBefore, long removed) {}

    void schedule(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) EventStoreReady ready) {
        run().subscribe().with(run -> {}, e -> LOG.error("Case review retention failed at start", e));
        vertx.setPeriodic(
                config.retentionCheck().toMillis(),
                id -> run().subscribe().with(run -> {}, e -> LOG.error("Case review retention failed", e)));
    }

    public Uni<Run> run() {
        LocalDate cutoff = UkCalendar.today(clock).minus(config.retention());
        return store.pool()
                .preparedQuery("""
                        WITH destroyed AS (
                            DELETE FROM case_review_key k USING case_review r
                             WHERE k.partnership_id = r.partnership_id AND k.case_reference = r.case_reference
                               AND r.closed_on < $1
                         RETURNING k.case_reference)
                        SELECT count(*) AS removed FROM destroyed""")
                .execute(Tuple.of(cutoff))
                .map(rows -> new Run(
                        config.retention(), cutoff, rows.iterator().next().getLong("removed")))
                .invoke(run -> LOG.infof(
                        "Case review retention (%s): destroyed the keys of %d case reviews closed before %s;"
                                + " their free text can no longer be read, their dates, decisions, outcomes and counts stay",
                        run.retention(), run.removed(), run.closedBefore()));
    }
}
