package org.csp.engagement.engagement;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.csp.calendar.UkCalendar;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementTable.EngagementRow;
import org.csp.engagement.registry.RegisteredOrganisations;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.History;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/** Application service of the engagement feature: each command is one transaction (append + query table). */
@ApplicationScoped
public class Engagements {

    private final EventStore store;
    private final Aggregate<EngagementCommand, EngagementEvent, Engagement> aggregate;
    private final IdempotentRequests idempotency;
    private final RegisteredOrganisations registry;
    private final Clock clock;

    public Engagements(
            EventStore store, IdempotentRequests idempotency, RegisteredOrganisations registry, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.registry = registry;
        this.clock = clock;
        this.aggregate = new Aggregate<>(
                store,
                "engagement",
                "Engagement record",
                EngagementEvent.TYPES,
                Engagement.DECIDER,
                (tx, partnershipId, id, state, version) -> EngagementTable.upsert(tx, partnershipId, state, version));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        EngagementTable.prepare(store);
    }

    /** The answer to a request, and whether it is the stored answer to an earlier one with the same Idempotency-Key. */
    public record Answered(Answer answer, boolean replayed) {}

    /** Today in the UK, the day against which a record's date is checked. */
    LocalDate today() {
        return UkCalendar.today(clock);
    }

    /** Handles a command in one transaction: the append and the query table together; 404 for an unknown record. */
    public Uni<Aggregate.Outcome<EngagementEvent, Engagement>> handle(
            String partnershipId, EngagementCommand command, Long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, command.engagementId(), command, ifMatch, actor);
    }

    /**
     * Records a new engagement and answers with {@code answer} of the outcome. With an Idempotency-Key ({@code key},
     * null without one) the key is claimed in the same transaction as the append and completed with the answer, so a
     * retry gets that answer back and records nothing; the same key for another request is a 409.
     */
    public Uni<Answered> record(
            String partnershipId,
            RecordEngagement command,
            Actor actor,
            String key,
            String requestHash,
            Function<Aggregate.Outcome<EngagementEvent, Engagement>, Answer> answer) {
        return store.inTransaction(unit -> (key == null
                        ? Uni.createFrom().item(Optional.<Answer>empty())
                        : idempotency.claim(unit.connection(), actor, key, requestHash))
                .flatMap(replay -> replay.isPresent()
                        ? Uni.createFrom().item(new Answered(replay.get(), true))
                        : aggregate
                                .handle(unit, partnershipId, command.engagementId(), command, null, actor)
                                .map(answer)
                                .call(first -> key == null
                                        ? Uni.createFrom().voidItem()
                                        : idempotency.complete(unit.connection(), actor, key, first))
                                .map(first -> new Answered(first, false))));
    }

    /**
     * The checked details with the organisations the client gave found in the partnership's registry: each by its id
     * with its registered name. One the registry does not know is a 422 naming the field it came in; {@code kept} are
     * the names a record from before organisations were checked already holds, which an amendment may keep as they are.
     */
    public Uni<EngagementEvent.Details> withRegisteredOrganisations(
            String partnershipId, EngagementRequest.Checked checked, Details stored) {
        List<EngagementRequest.Given> given = checked.organisations();
        Set<String> kept = new HashSet<>();
        if (stored != null) {
            if (stored.leadOrganisation() == null && stored.leadOrganisationName() != null) {
                kept.add(stored.leadOrganisationName());
            }
            if (stored.organisations().isEmpty()) {
                kept.addAll(stored.organisationNames());
            }
        }
        return registry.find(
                        store.pool(),
                        partnershipId,
                        given.stream().map(EngagementRequest.Given::value).toList())
                .map(found -> {
                    List<FieldViolation> unknown = new ArrayList<>();
                    String lead = null;
                    String leadName = null;
                    Map<String, String> taking = new LinkedHashMap<>(); // by id or kept name, repeats dropped
                    List<String> keptNames = new ArrayList<>();
                    for (EngagementRequest.Given g : given) {
                        RegisteredOrganisations.Organisation o = found.get(g.value());
                        if (o == null && !kept.contains(g.value())) {
                            unknown.add(new FieldViolation(
                                    g.field(),
                                    "'" + g.value() + "' is not an organisation of the " + partnershipId
                                            + " partnership's registry: give its id, as GET /api/organisations lists"
                                            + " them"));
                        } else if (g.lead()) {
                            lead = o == null ? null : o.id();
                            leadName = o == null ? g.value() : o.name();
                        } else if (o != null) {
                            taking.putIfAbsent(o.id(), o.name());
                        } else if (!keptNames.contains(g.value())) {
                            keptNames.add(g.value());
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw ProblemException.invalid(unknown);
                    }
                    Details d = checked.details();
                    List<String> names = new ArrayList<>(taking.values());
                    names.addAll(keptNames);
                    return new Details(
                            d.type(),
                            d.title(),
                            d.startDate(),
                            d.endDate(),
                            d.place(),
                            d.priorities(),
                            d.initiatives(),
                            lead,
                            leadName,
                            List.copyOf(taking.keySet()),
                            List.copyOf(names),
                            d.audience(),
                            d.attendance(),
                            d.reach(),
                            d.outcomes());
                });
    }

    public Uni<Aggregate.Loaded<Engagement>> load(String partnershipId, String engagementId) {
        return aggregate.load(store.pool(), partnershipId, engagementId);
    }

    public Uni<List<EngagementRow>> list(String partnershipId, EngagementTable.Filter filter) {
        return EngagementTable.list(store.pool(), partnershipId, filter);
    }

    public Uni<List<History.Entry>> history(String partnershipId, String engagementId) {
        return aggregate.history(partnershipId, engagementId);
    }
}
