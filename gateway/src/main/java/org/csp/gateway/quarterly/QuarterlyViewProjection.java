package org.csp.gateway.quarterly;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.UnprocessableEvent;

/**
 * The quarterly partnership view, projected from plan, measures and engagement events: each service's events read
 * into rows by its reader ({@link PlanReader}, {@link MeasuresReader}, {@link EngagementReader}), then written with
 * one statement per table per batch ({@link QuarterlyTables}). The view ({@link QuarterlyViews}) joins priority titles
 * when it is read and assesses each indicator and geography with the shared rule.
 */
@ApplicationScoped
public class QuarterlyViewProjection implements Projection {

    public static final String NAME = "quarterly";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * 2: initiatives v2, amended and retired; priority titles from the priorities' own events. 3: engagement records
     * v2, amended and withdrawn. 4: indicators v2 and amended (with what the assessment needs: aggregation, polarity,
     * tolerance, targets), data points revised, keyed by source too (two sources of one period both count), annual
     * periods. 5: what the county feed reads too: comparators, quarterly reviews, each indicator's level and sources,
     * and the change clock stamped on the rows it reads. 6: the view as the partnership's meeting sees it: objectives,
     * initiatives' dates, every progress report and data point revision with when it was made, engagement records'
     * priorities and reach, every close of a review; the clock ticks with every batch; indicators v3 and amended.v2,
     * each indicator's public flag and disclosure threshold (the public figures); consultations and case reviews' dates
     * and outcomes. 7: who made each progress report (plan.initiative.updated.v2).
     */
    @Override
    public int version() {
        return 7;
    }

    @Override
    public List<String> topics() {
        return List.of(PlanEventTypes.TOPIC, MeasuresEventTypes.TOPIC, EngagementEventTypes.TOPIC);
    }

    @Override
    public Set<String> appliedTypes() {
        return union(PlanReader.APPLIED, MeasuresReader.APPLIED, EngagementReader.APPLIED);
    }

    /** Each service's events the view does not show, listed by its reader. */
    @Override
    public Set<String> ignoredTypes() {
        return union(PlanReader.IGNORED, MeasuresReader.IGNORED, EngagementReader.IGNORED);
    }

    @Override
    public String ddl() {
        return QuarterlyTables.DDL;
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
        // Read every event first (a bad one is refused before anything is written), the latest per key.
        PlanReader plan = new PlanReader();
        MeasuresReader measures = new MeasuresReader();
        EngagementReader engagement = new EngagementReader();
        for (CloudEvent event : events) {
            if (PlanReader.APPLIED.contains(event.type())) {
                plan.read(event);
            } else if (MeasuresReader.APPLIED.contains(event.type())) {
                measures.read(event);
            } else if (EngagementReader.APPLIED.contains(event.type())) {
                engagement.read(event);
            } else {
                throw new UnprocessableEvent(event, "not a type of the quarterly view");
            }
        }
        // every batch ticks the clock: the views' tags move with anything applied
        return QuarterlyTables.tick(tx)
                .flatMap(ignored -> QuarterlyTables.upsertInitiatives(tx, plan.initiatives()))
                .flatMap(ignored -> QuarterlyTables.upsertPriorities(tx, plan.priorities()))
                .flatMap(ignored -> QuarterlyTables.upsertObjectives(tx, plan.objectives()))
                .flatMap(ignored -> QuarterlyTables.upsertProgress(tx, plan.progress()))
                .flatMap(ignored -> QuarterlyTables.addReports(tx, plan.reports()))
                .flatMap(ignored -> QuarterlyTables.upsertIndicators(tx, measures.indicators()))
                .flatMap(ignored -> QuarterlyTables.upsertMeasures(tx, measures.measures()))
                .flatMap(ignored -> QuarterlyTables.addRevisions(tx, measures.revisions()))
                .flatMap(ignored -> QuarterlyTables.upsertComparators(tx, measures.comparators()))
                .flatMap(ignored -> QuarterlyTables.applyReviews(tx, plan.reviews()))
                .flatMap(ignored -> QuarterlyTables.addEngagements(tx, engagement.engagements()))
                .flatMap(ignored -> QuarterlyTables.upsertConsultations(tx, engagement.consultations()))
                .flatMap(ignored -> QuarterlyTables.upsertCaseReviews(tx, engagement.caseReviews()));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
