package org.csp.plan.review;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.ConcurrencyConflict;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.History;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.plan.element.Kind;
import org.csp.plan.element.States;
import org.csp.plan.initiative.Initiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.csp.plan.initiative.Initiatives;
import org.csp.plan.lead.PriorityLeads;
import org.csp.plan.priority.Priorities;
import org.csp.plan.review.ReviewCommand.CloseReview;
import org.csp.plan.review.ReviewCommand.OpenReview;
import org.csp.plan.review.ReviewCommand.ReopenReview;
import org.csp.plan.review.ReviewCommand.SubmitReport;
import org.csp.plan.review.ReviewEvent.InitiativeState;
import org.csp.plan.review.ReviewEvent.Report;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/** The quarterly review cycle: open, collect the priorities' reports, close (freezing the quarter), reopen. */
@ApplicationScoped
public class Reviews {

    public static final Kind<ReviewCommand, ReviewEvent, QuarterlyReview> KIND = new Kind<>(
            "review",
            "Quarterly review",
            ReviewEvent.TYPES,
            QuarterlyReview.DECIDER,
            EventTypes.JSON.getTypeFactory().constructType(QuarterlyReview.class));

    private final EventStore store;
    private final Initiatives initiatives;
    private final PriorityLeads leads;
    private final Aggregate<ReviewCommand, ReviewEvent, QuarterlyReview> aggregate;

    public Reviews(EventStore store, Initiatives initiatives, PriorityLeads leads) {
        this.store = store;
        this.aggregate = KIND.aggregate(store);
        this.initiatives = initiatives;
        this.leads = leads;
    }

    /** Every event of a quarter's review, who caused it, when, and what it changed. */
    public Uni<List<History.Entry>> history(String partnershipId, String quarter) {
        return aggregate.history(partnershipId, quarter);
    }

    public Uni<List<States.Versioned<QuarterlyReview>>> list(String partnershipId) {
        return States.list(store.pool(), partnershipId, KIND);
    }

    public Uni<States.Versioned<QuarterlyReview>> get(String partnershipId, FinancialQuarter quarter) {
        return States.find(store.pool(), partnershipId, KIND, quarter.pathId(), false)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Quarterly review", quarter.label())));
    }

    /** Opens the review of a quarter; every active priority of the plan is expected to report. */
    public Uni<Aggregate.Outcome<ReviewEvent, QuarterlyReview>> open(
            String partnershipId, FinancialQuarter quarter, Actor actor) {
        return store.inTransaction(unit -> States.list(unit.connection(), partnershipId, Priorities.KIND)
                .flatMap(priorities -> {
                    List<Integer> expected = priorities.stream()
                            .filter(p -> p.state().active())
                            .map(p -> Integer.valueOf(p.id()))
                            .toList();
                    if (expected.isEmpty()) {
                        throw new ProblemException(
                                409,
                                "no-plan",
                                "There is no plan to review",
                                "The partnership's plan has no active priority.");
                    }
                    return aggregate.handle(
                            unit, partnershipId, quarter.pathId(), new OpenReview(quarter, expected), null, actor);
                }));
    }

    /**
     * Submits a priority's report. The progress entries it carries are reported first (the same rules as the progress
     * endpoint); the report then records every initiative of the priority as it stands for the quarter.
     */
    public Uni<Aggregate.Outcome<ReviewEvent, QuarterlyReview>> submit(
            String partnershipId,
            FinancialQuarter quarter,
            int priority,
            String summary,
            List<ReportedProgress> progress,
            long ifMatch,
            Actor actor) {
        return store.inTransaction(unit -> leads.requirePriority(unit.connection(), partnershipId, priority)
                .flatMap(ignored -> aggregate.load(unit, partnershipId, quarter.pathId()))
                .flatMap(review -> {
                    if (review.state() instanceof QuarterlyReview.NotOpened) {
                        throw ProblemException.notFound("Quarterly review", quarter.label());
                    }
                    if (review.version() != ifMatch) {
                        throw new ConcurrencyConflict(
                                KIND.streamId(partnershipId, quarter.pathId()), ifMatch, review.version(), true);
                    }
                    return reportProgress(unit, partnershipId, priority, progress, actor);
                })
                .flatMap(ignored -> States.list(unit.connection(), partnershipId, Initiatives.KIND))
                .flatMap(all -> {
                    List<InitiativeState> states = all.stream()
                            .map(States.Versioned::state)
                            .filter(i -> i.active() && i.definition().priority() == priority)
                            .map(i -> stateAt(i, quarter))
                            .toList();
                    return aggregate.handle(
                            unit,
                            partnershipId,
                            quarter.pathId(),
                            new SubmitReport(quarter, new Report(priority, summary, states)),
                            ifMatch,
                            actor);
                }));
    }

    /** A progress entry of a report, and the field of the request that names its initiative (for its error). */
    public record ReportedProgress(UpdateProgress update, String field) {}

    private Uni<Void> reportProgress(
            UnitOfWork unit, String partnershipId, int priority, List<ReportedProgress> progress, Actor actor) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReportedProgress entry : progress) {
            UpdateProgress update = entry.update();
            String field = entry.field();
            chain = chain.flatMap(ignored -> States.find(
                            unit.connection(), partnershipId, Initiatives.KIND, update.initiativeId(), false))
                    .flatMap(found -> {
                        if (found.isEmpty()
                                || !found.get().state().active()
                                || found.get().state().definition().priority() != priority) {
                            throw ProblemException.invalid(List.of(new FieldViolation(
                                    field,
                                    "'" + update.initiativeId() + "' is not an active initiative of priority "
                                            + priority)));
                        }
                        return initiatives
                                .updateProgress(unit, partnershipId, update, null, actor)
                                .replaceWithVoid();
                    });
        }
        return chain;
    }

    private static InitiativeState stateAt(Initiative initiative, FinancialQuarter quarter) {
        ProgressUpdated p = initiative.progressByQuarter().get(quarter.label());
        return new InitiativeState(
                initiative.id(),
                initiative.definition().title(),
                p == null ? null : p.status(),
                p == null ? null : p.rag(),
                p == null ? null : p.commentary());
    }

    /** Closes the review ({@code plan.quarterly-review.closed.v1}): the quarter's progress is frozen from now on. */
    public Uni<Aggregate.Outcome<ReviewEvent, QuarterlyReview>> close(
            String partnershipId, FinancialQuarter quarter, long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, quarter.pathId(), new CloseReview(quarter), ifMatch, actor);
    }

    public Uni<Aggregate.Outcome<ReviewEvent, QuarterlyReview>> reopen(
            String partnershipId, FinancialQuarter quarter, String reason, long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, quarter.pathId(), new ReopenReview(quarter, reason), ifMatch, actor);
    }
}
