package org.csp.plan.initiative;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.History;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.plan.element.Kind;
import org.csp.plan.element.PlanParts;
import org.csp.plan.element.States;
import org.csp.plan.initiative.InitiativeCommand.AmendInitiative;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.RetireInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.lead.PriorityLeads;
import org.csp.plan.objective.Objectives;
import org.csp.plan.organisation.Organisations;
import org.csp.plan.priority.Priorities;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/** Application service of the initiative feature: each command is one transaction (appends + plan_state). */
@ApplicationScoped
public class Initiatives implements PlanParts {

    public static final Kind<InitiativeCommand, InitiativeEvent, Initiative> KIND = new Kind<>(
            "initiative",
            "Initiative",
            InitiativeEvent.TYPES,
            Initiative.DECIDER,
            EventTypes.JSON.getTypeFactory().constructType(Initiative.class));

    private final EventStore store;
    private final PriorityLeads leads;
    private final Reporters reporters;
    private final Aggregate<InitiativeCommand, InitiativeEvent, Initiative> aggregate;

    public Initiatives(EventStore store, PriorityLeads leads, Reporters reporters) {
        this.store = store;
        this.leads = leads;
        this.reporters = reporters;
        this.aggregate = KIND.aggregate(store);
    }

    public Uni<List<States.Versioned<Initiative>>> list(String partnershipId) {
        return States.list(store.pool(), partnershipId, KIND);
    }

    @Override
    public Uni<List<History.Entry>> history(String partnershipId, String id) {
        return aggregate.history(partnershipId, id);
    }

    public Uni<States.Versioned<Initiative>> get(String partnershipId, String id) {
        return States.find(store.pool(), partnershipId, KIND, id, false)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Initiative", id)));
    }

    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> create(
            String partnershipId, InitiativeRequest body, Actor actor) {
        Definition definition = InitiativeRequest.validate(body);
        return store.inTransaction(unit -> checkReferences(unit.connection(), partnershipId, definition)
                .flatMap(ignored -> aggregate.handle(
                        unit, partnershipId, body.id(), new DefineInitiative(body.id(), definition), null, actor)));
    }

    /** Applies the client's merge patch to the initiative's API request; the result is validated as a whole. */
    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> amend(
            String partnershipId, String id, UnaryOperator<InitiativeRequest> patch, long ifMatch, Actor actor) {
        return store.inTransaction(unit -> aggregate
                .load(unit, partnershipId, id)
                .flatMap(loaded -> {
                    if (!loaded.state().exists()) {
                        throw ProblemException.notFound("Initiative", id);
                    }
                    InitiativeRequest patched =
                            patch.apply(InitiativeRequest.of(id, loaded.state().definition()));
                    new Validation()
                            .require(id.equals(patched.id()), "id", "cannot change; retire this one and create another")
                            .throwIfInvalid();
                    Definition definition = InitiativeRequest.validate(patched);
                    return checkReferences(unit.connection(), partnershipId, definition)
                            .flatMap(ignored -> aggregate.handle(
                                    unit, partnershipId, id, new AmendInitiative(id, definition), ifMatch, actor));
                }));
    }

    @Override
    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> retire(
            String partnershipId, String id, String reason, long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, id, new RetireInitiative(id, reason), ifMatch, actor);
    }

    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> updateProgress(
            String partnershipId, UpdateProgress command, Long ifMatch, Actor actor) {
        return store.inTransaction(unit -> updateProgress(unit, partnershipId, command, ifMatch, actor));
    }

    /**
     * Reports progress in the caller's unit: only for the caller's own priorities, and never for a quarter whose
     * review is closed. The review's row is share-locked, so a review closing at the same moment either waits for
     * this report or is seen closed by it. Who reports it is the caller, as its token says ({@link Reporters}).
     */
    public Uni<Aggregate.Outcome<InitiativeEvent, Initiative>> updateProgress(
            UnitOfWork unit, String partnershipId, UpdateProgress command, Long ifMatch, Actor actor) {
        String id = command.initiativeId();
        return aggregate
                .load(unit, partnershipId, id)
                .flatMap(loaded -> {
                    if (!loaded.state().exists()) {
                        throw ProblemException.notFound("Initiative", id);
                    }
                    return leads.requirePriority(
                            unit.connection(),
                            partnershipId,
                            loaded.state().definition().priority());
                })
                .flatMap(ignored -> requireQuarterOpen(unit.connection(), partnershipId, command))
                .flatMap(ignored ->
                        aggregate.handle(unit, partnershipId, id, command.by(reporters.of(actor)), ifMatch, actor));
    }

    private static Uni<Void> requireQuarterOpen(SqlClient client, String partnershipId, UpdateProgress command) {
        return client.preparedQuery("""
                        SELECT state->>'status' AS status FROM plan_state
                         WHERE partnership_id = $1 AND kind = 'review' AND id = $2 FOR SHARE""")
                .execute(Tuple.of(partnershipId, command.quarter().pathId()))
                .map(rows -> {
                    if (rows.size() > 0
                            && "closed".equals(rows.iterator().next().getString("status"))) {
                        throw new CommandRejected(
                                "quarter-closed",
                                "The review of " + command.quarter().label()
                                        + " is closed: its progress is frozen. The coordinator can reopen the review with a reason.");
                    }
                    return (Void) null;
                });
    }

    private static Uni<Void> checkReferences(SqlClient client, String partnershipId, Definition d) {
        List<Organisations.Reference> organisations = new ArrayList<>();
        if (d.leadPartner() != null) {
            organisations.add(new Organisations.Reference("leadPartner", d.leadPartner()));
        }
        for (int i = 0; i < d.supportingPartners().size(); i++) {
            organisations.add(new Organisations.Reference(
                    "supportingPartners[" + i + "]", d.supportingPartners().get(i)));
        }
        for (int i = 0; i < d.risks().size(); i++) {
            if (d.risks().get(i).owner() != null) {
                organisations.add(new Organisations.Reference(
                        "risks[" + i + "].owner", d.risks().get(i).owner()));
            }
        }
        return Priorities.requireActive(client, partnershipId, d.priority(), "priority")
                .flatMap(ignored ->
                        Objectives.requireOfPriority(client, partnershipId, d.priority(), d.objectives(), "objectives"))
                .flatMap(ignored -> Organisations.requireActive(client, partnershipId, organisations))
                .flatMap(ignored -> requirePlanIndicators(client, partnershipId, d.indicators()));
    }

    /** Linked indicators must be indicators of the plan: named by a priority's measures or an objective. */
    private static Uni<Void> requirePlanIndicators(SqlClient client, String partnershipId, List<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                        SELECT jsonb_array_elements_text(m->'indicators') AS code
                          FROM plan_state, jsonb_array_elements(state->'definition'->'measures') m
                         WHERE partnership_id = $1 AND kind = 'priority' AND NOT (state->>'retired')::boolean
                        UNION
                        SELECT jsonb_array_elements_text(state->'definition'->'indicators')
                          FROM plan_state
                         WHERE partnership_id = $1 AND kind = 'objective' AND NOT (state->>'retired')::boolean""").execute(Tuple.of(partnershipId)).map(rows -> {
            Set<String> known = new HashSet<>();
            rows.forEach(row -> known.add(row.getString("code")));
            List<FieldViolation> unknown = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                if (!known.contains(codes.get(i))) {
                    unknown.add(new FieldViolation(
                            "indicators[" + i + "]", "'" + codes.get(i) + "' is not an indicator of the plan"));
                }
            }
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown);
            }
            return (Void) null;
        });
    }
}
