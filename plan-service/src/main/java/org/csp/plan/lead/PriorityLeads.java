package org.csp.plan.lead;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.PRIORITY_LEAD;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.eventsourcing.History;
import org.csp.plan.element.Kind;
import org.csp.plan.element.States;
import org.csp.plan.priority.Priorities;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which priorities the caller may report on. The coordinator: all. A priority lead: those named by the token's
 * {@value #CLAIM} claim (numbers, from the identity provider) together with those the coordinator mapped the lead's
 * subject to here. Anyone else: none.
 */
@ApplicationScoped
public class PriorityLeads {

    /** The token claim listing the priorities a lead leads. */
    public static final String CLAIM = "priorities";

    public static final Kind<PriorityLead.Assign, PriorityLeadEvent, PriorityLead> KIND = new Kind<>(
            "priority-lead",
            "Priority lead",
            PriorityLeadEvent.TYPES,
            PriorityLead.DECIDER,
            EventTypes.JSON.getTypeFactory().constructType(PriorityLead.class));

    private final EventStore store;
    private final Instance<JsonWebToken> token;
    private final Instance<SecurityIdentity> identity;
    private final Aggregate<PriorityLead.Assign, PriorityLeadEvent, PriorityLead> aggregate;

    public PriorityLeads(EventStore store, Instance<JsonWebToken> token, Instance<SecurityIdentity> identity) {
        this.store = store;
        this.aggregate = KIND.aggregate(store);
        this.token = token;
        this.identity = identity;
    }

    /** 403 unless the caller may report on {@code priority}. */
    public Uni<Void> requirePriority(SqlClient client, String partnershipId, int priority) {
        return requirePriorities(client, partnershipId, List.of(priority));
    }

    /** 403 unless the caller may report on every one of {@code priorities}. */
    public Uni<Void> requirePriorities(SqlClient client, String partnershipId, Collection<Integer> priorities) {
        SecurityIdentity caller = identity.get();
        if (caller.hasRole(COORDINATOR)) {
            return Uni.createFrom().voidItem();
        }
        if (!caller.hasRole(PRIORITY_LEAD)) {
            return Uni.createFrom()
                    .failure(ProblemException.forbidden("Only the coordinator and priority leads report progress."));
        }
        return ledBy(client, partnershipId, token.get()).map(led -> {
            for (int priority : priorities) {
                if (!led.contains(priority)) {
                    throw ProblemException.forbidden("You lead " + (led.isEmpty() ? "no priority" : "priority " + led)
                            + " and cannot report on priority " + priority + ".");
                }
            }
            return (Void) null;
        });
    }

    /** The priorities a lead's token names together with those the coordinator mapped its subject to. */
    Uni<Set<Integer>> ledBy(SqlClient client, String partnershipId, JsonWebToken jwt) {
        Set<Integer> led = new TreeSet<>(claimed(jwt));
        return States.find(client, partnershipId, KIND, jwt.getSubject(), false).map(found -> {
            found.ifPresent(mapping -> led.addAll(mapping.state().priorities()));
            return led;
        });
    }

    private static Set<Integer> claimed(JsonWebToken jwt) {
        Set<Integer> priorities = new TreeSet<>();
        Object claim = jwt.getClaim(CLAIM);
        if (claim == null) {
            return priorities;
        }
        String text = claim.toString().replaceAll("[\\[\\]\"\\s]", "");
        for (String part : text.split(",")) {
            if (part.matches("\\d{1,2}")) {
                priorities.add(Integer.parseInt(part));
            }
        }
        return priorities;
    }

    /** Every change to a lead's mapping, who made it and when. */
    public Uni<List<History.Entry>> history(String partnershipId, String subject) {
        return aggregate.history(partnershipId, subject);
    }

    public Uni<List<States.Versioned<PriorityLead>>> list(String partnershipId) {
        return States.list(store.pool(), partnershipId, KIND);
    }

    public Uni<Aggregate.Loaded<PriorityLead>> load(String partnershipId, String subject) {
        return aggregate.load(store.pool(), partnershipId, subject);
    }

    /** Maps a lead to priorities; every one must be an active priority of the plan. */
    public Uni<Aggregate.Outcome<PriorityLeadEvent, PriorityLead>> assign(
            String partnershipId, String subject, List<Integer> priorities, Long ifMatch, Actor actor) {
        return store.inTransaction(unit -> {
            Uni<Void> checks = Uni.createFrom().voidItem();
            for (int i = 0; i < priorities.size(); i++) {
                int priority = priorities.get(i);
                String field = "priorities[" + i + "]";
                checks = checks.flatMap(
                        ignored -> Priorities.requireActive(unit.connection(), partnershipId, priority, field)
                                .replaceWithVoid());
            }
            return checks.flatMap(ignored -> aggregate.handle(
                    unit, partnershipId, subject, new PriorityLead.Assign(subject, priorities), ifMatch, actor));
        });
    }
}
