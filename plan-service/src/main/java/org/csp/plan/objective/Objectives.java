package org.csp.plan.objective;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;
import org.csp.plan.element.Elements;
import org.csp.plan.element.IndicatorCodes;
import org.csp.plan.element.Kind;
import org.csp.plan.objective.ObjectiveEvent.Definition;
import org.csp.plan.priority.Priorities;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The objectives of the plan's priorities. */
@ApplicationScoped
public class Objectives {

    public static final Kind<Element.Command<Definition>, ObjectiveEvent, Element<Definition>> KIND = new Kind<>(
            "objective",
            "Objective",
            ObjectiveEvent.TYPES,
            Element.decider(ObjectiveEvent.EVENTS),
            EventTypes.JSON.getTypeFactory().constructParametricType(Element.class, Definition.class));

    private final Elements<ObjectiveRequest, Definition, ObjectiveEvent> elements;

    public Objectives(EventStore store) {
        this.elements = new Elements<>(
                store,
                KIND,
                ObjectiveRequest.class,
                ObjectiveRequest::of,
                ObjectiveRequest::id,
                Objectives::validate,
                (unit, partnershipId, d) -> Priorities.requireActive(
                                unit.connection(), partnershipId, d.priority(), "priority")
                        .replaceWithVoid());
    }

    /** The longest objective. */
    public static final int MAX_TEXT = 2000;

    /** The API body of an objective. */
    public record ObjectiveRequest(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String id,

            @Schema(implementation = Priorities.Number.class, type = SchemaType.INTEGER)
            Integer priority,

            @Schema(maxLength = MAX_TEXT) String text,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = IndicatorCodes.Code.class,
                    maxItems = IndicatorCodes.MAX_CODES,
                    description = IndicatorCodes.DESCRIPTION)
            List<String> indicators) {
        static ObjectiveRequest of(String id, Definition d) {
            return new ObjectiveRequest(id, d.priority(), d.text(), d.indicators());
        }
    }

    public Elements<ObjectiveRequest, Definition, ObjectiveEvent> elements() {
        return elements;
    }

    public static Definition validate(ObjectiveRequest body) {
        Validation v = Validation.of(body);
        v.require(Priorities.isNumber(body.priority()), "priority", "must be the number of a priority of the plan");
        String text = v.publicText(body.text(), "text", MAX_TEXT);
        List<String> indicators = IndicatorCodes.validate(v, body.indicators(), "indicators");
        v.throwIfInvalid();
        return new Definition(body.priority(), text, indicators);
    }

    /** 422 for each of {@code ids} that is not an active objective of {@code priority}. */
    public static Uni<Void> requireOfPriority(
            SqlClient client, String partnershipId, int priority, List<String> ids, String field) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                        SELECT id FROM plan_state WHERE partnership_id = $1 AND kind = 'objective' AND id = ANY($2)
                           AND NOT (state->>'retired')::boolean AND (state->'definition'->>'priority')::int = $3""")
                .execute(Tuple.of(partnershipId, ids.toArray(String[]::new), priority))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("id")));
                    List<FieldViolation> unknown = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        if (!known.contains(ids.get(i))) {
                            unknown.add(new FieldViolation(
                                    field + "[" + i + "]",
                                    "'" + ids.get(i) + "' is not an active objective of priority " + priority));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw ProblemException.invalid(unknown);
                    }
                    return (Void) null;
                });
    }
}
