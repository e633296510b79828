package org.csp.plan.actionplan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.plan.PlanKinds;
import org.csp.plan.element.Element;
import org.csp.plan.element.Kind;
import org.csp.plan.element.States;
import org.csp.plan.initiative.Initiative;
import org.csp.plan.initiative.InitiativeCommand;
import org.csp.plan.initiative.Initiatives;
import org.csp.plan.objective.ObjectiveEvent;
import org.csp.plan.objective.Objectives;
import org.csp.plan.organisation.OrganisationEvent;
import org.csp.plan.organisation.Organisations;
import org.csp.plan.priority.Priorities;
import org.csp.plan.priority.PriorityEvent;
import org.csp.problem.ProblemException;

/**
 * The action plan as a whole: importing a plan file (the first import creates the plan, a changed file records a
 * new revision with exactly the differences as events), the plan tree, now or as an earlier revision left it.
 */
@ApplicationScoped
public class Plans {

    public static final Kind<ActionPlan.Revise, PlanEvent, ActionPlan> KIND = new Kind<>(
            "plan",
            "Plan",
            PlanEvent.TYPES,
            ActionPlan.DECIDER,
            EventTypes.JSON.getTypeFactory().constructType(ActionPlan.class));

    private final EventStore store;

    public Plans(EventStore store) {
        this.store = store;
    }

    /** What an import did: the plan's revision after it, and how many events of each type it recorded. */
    public record ImportResult(String planId, int revision, boolean changed, Map<String, Integer> events) {}

    /** One revision of the plan: when and by whom it was recorded, and from which source. */
    public record Revision(int revision, OffsetDateTime recordedAt, String subject, String client, String source) {}

    /** Everything the partnership's plan consists of at one point of its history. */
    public record Snapshot(
            ActionPlan plan,
            long version,
            List<Element<OrganisationEvent.Definition>> organisations,
            List<Element<PriorityEvent.Definition>> priorities,
            List<Element<ObjectiveEvent.Definition>> objectives,
            List<Initiative> initiatives) {}

    /**
     * Imports a plan file in one transaction. The plan's revision event comes first, then the events of every
     * organisation, priority, objective and initiative that differs from the file; what the partnership holds and
     * the file does not is retired. An identical file records nothing.
     */
    public Uni<ImportResult> importPlan(PlanContents file, Actor actor) {
        return importPlan(file, actor, false);
    }

    /**
     * Imports the plan file a deployment ships, at start: only a file never imported before (by its digest) is
     * compared, so that a restart does not undo what the coordinator changed through the API since.
     */
    public Uni<ImportResult> importSeed(PlanContents file) {
        return importPlan(file, Actor.SYSTEM, true);
    }

    private Uni<ImportResult> importPlan(PlanContents file, Actor actor, boolean onlyANewFile) {
        String p = file.partnershipId();
        Map<String, Integer> counts = new TreeMap<>();
        return store.inTransaction(unit -> current(unit, p).flatMap(now -> {
                    ActionPlan.requireSamePlan(now.plan().planId(), file.planId());
                    if (onlyANewFile && now.plan().imported(file.fileDigest())) {
                        return Uni.createFrom().item(new Aggregate.Loaded<>(now.plan(), now.version()));
                    }
                    return Organisations.requireActive(
                                    unit.connection(),
                                    p,
                                    file.organisationReferences().entrySet().stream()
                                            .map(e -> new Organisations.Reference(e.getKey(), e.getValue()))
                                            .toList())
                            .flatMap(ignored -> {
                                List<Step> steps = steps(file, now, actor);
                                boolean elementsChanged = steps.stream().anyMatch(Step::changes);
                                ActionPlan.Revise revise = new ActionPlan.Revise(
                                        file.planId(),
                                        file.plan(),
                                        file.source(),
                                        file.notes(),
                                        file.fileDigest(),
                                        elementsChanged);
                                Uni<Void> chain = stage(unit, p, KIND, file.planId(), revise, actor, counts);
                                for (Step step : steps) {
                                    if (step.changes()) {
                                        chain = chain.flatMap(
                                                ignored2 -> step.stage().apply(unit, counts));
                                    }
                                }
                                return chain.flatMap(
                                        ignored2 -> KIND.aggregate(store).load(unit, p, file.planId()));
                            });
                }))
                .map(plan -> new ImportResult(file.planId(), plan.state().revision(), !counts.isEmpty(), counts));
    }

    /** The plan and its parts as they stand now (from plan_state), all read at one point in time. */
    public Uni<Snapshot> current(String partnershipId) {
        return store.pool()
                .withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                        .execute()
                        .flatMap(ignored -> snapshot(tx, partnershipId)));
    }

    private Uni<Snapshot> current(UnitOfWork unit, String partnershipId) {
        return snapshot(unit.connection(), partnershipId);
    }

    private Uni<Snapshot> snapshot(io.vertx.mutiny.sqlclient.SqlClient client, String partnershipId) {
        return States.list(client, partnershipId, KIND)
                .flatMap(plans -> States.list(client, partnershipId, Organisations.KIND)
                        .flatMap(orgs -> States.list(client, partnershipId, Priorities.KIND)
                                .flatMap(priorities -> States.list(client, partnershipId, Objectives.KIND)
                                        .flatMap(objectives -> States.list(client, partnershipId, Initiatives.KIND)
                                                .map(initiatives -> new Snapshot(
                                                        plans.isEmpty()
                                                                ? ActionPlan.DECIDER.initialState()
                                                                : plans.getFirst()
                                                                        .state(),
                                                        plans.isEmpty()
                                                                ? 0
                                                                : plans.getFirst()
                                                                        .version(),
                                                        orgs.stream()
                                                                .map(States.Versioned::state)
                                                                .toList(),
                                                        priorities.stream()
                                                                .map(States.Versioned::state)
                                                                .toList(),
                                                        objectives.stream()
                                                                .map(States.Versioned::state)
                                                                .toList(),
                                                        initiatives.stream()
                                                                .map(States.Versioned::state)
                                                                .toList()))))));
    }

    /** The plan's revisions, oldest first; 404 when the partnership has no plan of that id. */
    public Uni<List<Revision>> revisions(String partnershipId, String planId) {
        return store.readStream(store.pool(), KIND.streamId(partnershipId, planId))
                .map(events -> {
                    if (events.isEmpty()) {
                        throw ProblemException.notFound("Plan", planId);
                    }
                    List<Revision> revisions = new ArrayList<>();
                    for (StoredEvent event : events) {
                        PlanEvent.PlanRevised revised = (PlanEvent.PlanRevised) PlanEvent.TYPES.decode(event);
                        revisions.add(new Revision(
                                revised.revision(),
                                event.occurredAt(),
                                event.actor().subject(),
                                event.actor().client(),
                                revised.source()));
                    }
                    return revisions;
                });
    }

    /**
     * The plan as revision {@code revision} left it: every event of the partnership before the next revision was
     * recorded, folded again. The current revision is read from plan_state instead.
     */
    public Uni<Snapshot> asOf(String partnershipId, String planId, int revision) {
        return store.readStream(store.pool(), KIND.streamId(partnershipId, planId))
                .flatMap(planEvents -> {
                    if (planEvents.isEmpty() || revision < 1 || revision > planEvents.size()) {
                        throw ProblemException.notFound("Plan revision", planId + " revision " + revision);
                    }
                    long before = revision == planEvents.size()
                            ? Long.MAX_VALUE
                            : planEvents.get(revision).position();
                    return store.readPartnership(store.pool(), partnershipId, before)
                            .map(events -> {
                                Map<String, List<Object>> byKind = new HashMap<>();
                                ActionPlan plan = null;
                                long version = 0;
                                for (States.Folded folded :
                                        States.fold(events, PlanKinds.byName()).values()) {
                                    if (folded.kind().equals(KIND.name())) {
                                        if (folded.id().equals(planId)) {
                                            plan = (ActionPlan) folded.state();
                                            version = folded.version();
                                        }
                                    } else {
                                        byKind.computeIfAbsent(folded.kind(), k -> new ArrayList<>())
                                                .add(folded.state());
                                    }
                                }
                                return new Snapshot(
                                        plan,
                                        version,
                                        cast(byKind.get(Organisations.KIND.name())),
                                        cast(byKind.get(Priorities.KIND.name())),
                                        cast(byKind.get(Objectives.KIND.name())),
                                        cast(byKind.get(Initiatives.KIND.name())));
                            });
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> states) {
        return states == null ? List.of() : (List<T>) (List<?>) states;
    }

    /** One command of an import: whether it changes anything, and how to stage it in the unit. */
    private record Step(boolean changes, BiFunction<UnitOfWork, Map<String, Integer>, Uni<Void>> stage) {}

    private List<Step> steps(PlanContents file, Snapshot now, Actor actor) {
        String p = file.partnershipId();
        List<Step> steps = new ArrayList<>();
        elementSteps(steps, p, Organisations.KIND, file.organisations(), now.organisations(), false, actor);
        elementSteps(steps, p, Priorities.KIND, file.priorities(), now.priorities(), true, actor);
        elementSteps(steps, p, Objectives.KIND, file.objectives(), now.objectives(), true, actor);
        Map<String, Initiative> held = new HashMap<>();
        now.initiatives().forEach(i -> held.put(i.id(), i));
        file.initiatives().forEach((id, definition) -> {
            Initiative current = held.get(id);
            boolean active = current != null && current.active();
            InitiativeCommand command = active
                    ? new InitiativeCommand.AmendInitiative(id, definition)
                    : new InitiativeCommand.DefineInitiative(id, definition);
            boolean changes = !active || !definition.equals(current.definition());
            steps.add(
                    new Step(changes, (unit, counts) -> stage(unit, p, Initiatives.KIND, id, command, actor, counts)));
        });
        held.values().stream()
                .filter(i -> i.active() && !file.initiatives().containsKey(i.id()))
                .forEach(i -> steps.add(new Step(
                        true,
                        (unit, counts) -> stage(
                                unit,
                                p,
                                Initiatives.KIND,
                                i.id(),
                                new InitiativeCommand.RetireInitiative(i.id(), "Not in the plan file " + file.planId()),
                                actor,
                                counts))));
        return steps;
    }

    /** Define or amend what the file lists; retire what it leaves out (not for the organisation registry, which outlives plans). */
    private <D, E> void elementSteps(
            List<Step> steps,
            String p,
            Kind<Element.Command<D>, E, Element<D>> kind,
            Map<String, D> wanted,
            List<Element<D>> held,
            boolean retireMissing,
            Actor actor) {
        Map<String, Element<D>> byId = new HashMap<>();
        held.forEach(e -> byId.put(e.id(), e));
        wanted.forEach((id, definition) -> {
            Element<D> current = byId.get(id);
            boolean active = current != null && current.active();
            Element.Command<D> command =
                    active ? new Element.Command.Amend<>(id, definition) : new Element.Command.Define<>(id, definition);
            boolean changes = !active || !Objects.equals(definition, current.definition());
            steps.add(new Step(changes, (unit, counts) -> stage(unit, p, kind, id, command, actor, counts)));
        });
        if (retireMissing) {
            held.stream()
                    .filter(e -> e.active() && !wanted.containsKey(e.id()))
                    .forEach(e -> steps.add(new Step(
                            true,
                            (unit, counts) -> stage(
                                    unit,
                                    p,
                                    kind,
                                    e.id(),
                                    new Element.Command.Retire<>(e.id(), "Not in the imported plan file"),
                                    actor,
                                    counts))));
        }
    }

    private <C, E, S> Uni<Void> stage(
            UnitOfWork unit,
            String partnershipId,
            Kind<C, E, S> kind,
            String id,
            C command,
            Actor actor,
            Map<String, Integer> counts) {
        return kind.aggregate(store)
                .handle(unit, partnershipId, id, command, null, actor)
                .invoke(outcome ->
                        outcome.events().forEach(e -> counts.merge(kind.types().typeOf(e), 1, Integer::sum)))
                .replaceWithVoid();
    }
}
