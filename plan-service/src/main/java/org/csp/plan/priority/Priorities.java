package org.csp.plan.priority;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;
import org.csp.plan.element.Elements;
import org.csp.plan.element.IndicatorCodes;
import org.csp.plan.element.Kind;
import org.csp.plan.element.States;
import org.csp.plan.organisation.Organisations;
import org.csp.plan.priority.PriorityEvent.Definition;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/** The plan's priorities: defined, amended and retired by the coordinator or by a plan file. */
@ApplicationScoped
public class Priorities {

    public static final Kind<Element.Command<Definition>, PriorityEvent, Element<Definition>> KIND = new Kind<>(
            "priority",
            "Priority",
            PriorityEvent.TYPES,
            Element.decider(PriorityEvent.EVENTS),
            EventTypes.JSON.getTypeFactory().constructParametricType(Element.class, Definition.class));

    private final Elements<PriorityRequest, Definition, PriorityEvent> elements;

    public Priorities(EventStore store) {
        this.elements = new Elements<>(
                store,
                KIND,
                PriorityRequest.class,
                PriorityRequest::of,
                body -> body.number() == null ? null : body.number().toString(),
                Priorities::validate,
                (unit, partnershipId, d) -> d.leadOrganisation() == null
                        ? Uni.createFrom().voidItem()
                        : Organisations.requireActive(
                                unit.connection(),
                                partnershipId,
                                List.of(new Organisations.Reference("leadOrganisation", d.leadOrganisation()))));
    }

    /** The API body of a priority. */
    public record PriorityRequest(
            Integer number,
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String subGroup,
            List<Measure> measures) {

        /** A "how will we measure success?" line and the indicator codes it is measured by. */
        public record Measure(String text, List<String> indicators) {}

        static PriorityRequest of(String id, Definition d) {
            return new PriorityRequest(
                    Integer.valueOf(id),
                    d.title(),
                    d.statement(),
                    d.why(),
                    d.leadOrganisation(),
                    d.subGroup(),
                    d.measures().stream()
                            .map(m -> new Measure(m.text(), m.indicators()))
                            .toList());
        }
    }

    /** A "how will we measure success?" line with its indicator codes. */
    public Elements<PriorityRequest, Definition, PriorityEvent> elements() {
        return elements;
    }

    public static Definition validate(PriorityRequest body) {
        Validation v = Validation.of(body);
        v.require(
                body.number() != null && body.number() >= 1 && body.number() <= 99,
                "number",
                "must be a whole number from 1 to 99");
        String title = v.publicText(body.title(), "title", 500);
        String statement = v.optionalPublicText(body.statement(), "statement", 2000);
        String why = v.optionalPublicText(body.why(), "why", 10_000);
        String lead = v.optionalPublicText(body.leadOrganisation(), "leadOrganisation", 80);
        String subGroup = v.optionalPublicText(body.subGroup(), "subGroup", 500);
        List<PriorityEvent.Measure> measures = new ArrayList<>();
        List<PriorityRequest.Measure> given = body.measures() == null ? List.of() : body.measures();
        v.require(given.size() <= 100, "measures", "must have at most 100 lines");
        for (int i = 0; i < given.size() && i < 100; i++) {
            PriorityRequest.Measure m = given.get(i);
            if (m == null) {
                v.require(false, "measures[" + i + "]", "must be an object with text and indicators");
                continue;
            }
            String text = v.publicText(m.text(), "measures[" + i + "].text", 2000);
            measures.add(new PriorityEvent.Measure(
                    text, IndicatorCodes.validate(v, m.indicators(), "measures[" + i + "].indicators")));
        }
        v.throwIfInvalid();
        return new Definition(title, statement, why, lead, subGroup, List.copyOf(measures));
    }

    /** 422 naming {@code field} unless {@code number} is an active priority of the partnership. */
    public static Uni<Element<Definition>> requireActive(
            SqlClient client, String partnershipId, int number, String field) {
        return States.find(client, partnershipId, KIND, Integer.toString(number), false)
                .map(found -> {
                    if (found.isEmpty() || !found.get().state().active()) {
                        throw ProblemException.invalid(
                                List.of(new FieldViolation(field, "is not an active priority of the plan")));
                    }
                    return found.get().state();
                });
    }
}
