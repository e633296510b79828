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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan's priorities: defined, amended and retired by the coordinator or by a plan file. */
@ApplicationScoped
public class Priorities {

    public static final Kind<Element.Command<Definition>, PriorityEvent, Element<Definition>> KIND = new Kind<>(
            "priority",
            "Priority",
            PriorityEvent.TYPES,
            Element.decider(PriorityEvent.EVENTS),
            EventTypes.JSON.getTypeFactory().constructParametricType(Element.class, Definition.class));

    /** Priorities are numbered from 1 to this. */
    public static final int MAX_NUMBER = 99;

    /** The longest title, and sub-group. */
    public static final int MAX_TITLE = 500;

    /** The longest statement, and measure. */
    public static final int MAX_STATEMENT = 2000;

    /** The longest "why is this a priority?". */
    public static final int MAX_WHY = 10_000;

    /** The most "how will we measure success?" lines. */
    public static final int MAX_MEASURES = 100;

    /** A priority's number as the OpenAPI document shows it, wherever a request names one. */
    @Schema(
            name = "PriorityNumber",
            type = SchemaType.INTEGER,
            minimum = "1",
            maximum = "" + MAX_NUMBER,
            description = "The number of a priority of the plan")
    public interface Number {}

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
            @Schema(implementation = Number.class, type = SchemaType.INTEGER)
            Integer number,

            @Schema(maxLength = MAX_TITLE) String title,
            @Schema(maxLength = MAX_STATEMENT) String statement,
            @Schema(maxLength = MAX_WHY) String why,

            @Schema(
                    implementation = Elements.Id.class,
                    type = SchemaType.STRING,
                    description = "The lead organisation's registry id")
            String leadOrganisation,

            @Schema(maxLength = MAX_TITLE) String subGroup,
            @Schema(maxItems = MAX_MEASURES) List<Measure> measures) {

        /** A "how will we measure success?" line and the indicator codes it is measured by. */
        public record Measure(
                @Schema(maxLength = MAX_STATEMENT) String text,

                @Schema(
                        type = SchemaType.ARRAY,
                        implementation = IndicatorCodes.Code.class,
                        maxItems = IndicatorCodes.MAX_CODES,
                        description = IndicatorCodes.DESCRIPTION)
                List<String> indicators) {}

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
        v.require(isNumber(body.number()), "number", "must be a whole number from 1 to " + MAX_NUMBER);
        String title = v.publicText(body.title(), "title", MAX_TITLE);
        String statement = v.optionalPublicText(body.statement(), "statement", MAX_STATEMENT);
        String why = v.optionalPublicText(body.why(), "why", MAX_WHY);
        String lead = v.optionalPublicText(body.leadOrganisation(), "leadOrganisation", Elements.MAX_ID);
        String subGroup = v.optionalPublicText(body.subGroup(), "subGroup", MAX_TITLE);
        List<PriorityEvent.Measure> measures = new ArrayList<>();
        List<PriorityRequest.Measure> given = v.atMost(body.measures(), "measures", MAX_MEASURES);
        for (int i = 0; i < given.size(); i++) {
            PriorityRequest.Measure m = given.get(i);
            if (m == null) {
                v.require(false, "measures[" + i + "]", "must be an object with text and indicators");
                continue;
            }
            String text = v.publicText(m.text(), "measures[" + i + "].text", MAX_STATEMENT);
            measures.add(new PriorityEvent.Measure(
                    text, IndicatorCodes.validate(v, m.indicators(), "measures[" + i + "].indicators")));
        }
        v.throwIfInvalid();
        return new Definition(title, statement, why, lead, subGroup, List.copyOf(measures));
    }

    /** Whether {@code number} can be a priority's number. */
    public static boolean isNumber(Integer number) {
        return number != null && number >= 1 && number <= MAX_NUMBER;
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
