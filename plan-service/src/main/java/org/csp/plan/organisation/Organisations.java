package org.csp.plan.organisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.csp.codes.Coded;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;
import org.csp.plan.element.Elements;
import org.csp.plan.element.Kind;
import org.csp.plan.organisation.OrganisationEvent.Definition;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The partnership's registry of partner organisations, which the plan refers to by id. */
@ApplicationScoped
public class Organisations {

    public static final Kind<Element.Command<Definition>, OrganisationEvent, Element<Definition>> KIND = new Kind<>(
            "organisation",
            "Organisation",
            OrganisationEvent.TYPES,
            Element.decider(OrganisationEvent.EVENTS),
            EventTypes.JSON.getTypeFactory().constructParametricType(Element.class, Definition.class));

    private final Elements<OrganisationRequest, Definition, OrganisationEvent> elements;

    public Organisations(EventStore store) {
        this.elements = new Elements<>(
                store,
                KIND,
                OrganisationRequest.class,
                OrganisationRequest::of,
                OrganisationRequest::id,
                Organisations::validate,
                (unit, partnershipId, definition) -> Uni.createFrom().voidItem());
    }

    /** The longest name. */
    public static final int MAX_NAME = 200;

    /** The API body of an organisation; {@code kind} is responsible-authority, co-opted-member or other. */
    public record OrganisationRequest(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String id,

            @Schema(maxLength = MAX_NAME) String name,
            @Schema(maxLength = Coded.MAX_LENGTH) String kind) {
        static OrganisationRequest of(String id, Definition d) {
            return new OrganisationRequest(id, d.name(), d.kind());
        }
    }

    public Elements<OrganisationRequest, Definition, OrganisationEvent> elements() {
        return elements;
    }

    public static Definition validate(OrganisationRequest body) {
        Validation v = Validation.of(body);
        String name = v.publicText(body.name(), "name", MAX_NAME);
        OrganisationType type = v.parse(
                body.kind(), "kind", Coded.MAX_LENGTH, OrganisationType::of, "one of " + OrganisationType.codes());
        v.throwIfInvalid();
        return new Definition(name, type.code());
    }

    /**
     * 422 naming {@code field} for each id that is not an active organisation of the partnership. {@code ids} pairs
     * field names with organisation ids.
     */
    public static Uni<Void> requireActive(SqlClient client, String partnershipId, Collection<Reference> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> wanted = new LinkedHashSet<>();
        ids.forEach(r -> wanted.add(r.id()));
        return client.preparedQuery("""
                        SELECT id FROM plan_state WHERE partnership_id = $1 AND kind = 'organisation' AND id = ANY($2)
                           AND NOT (state->>'retired')::boolean""")
                .execute(Tuple.of(partnershipId, wanted.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new LinkedHashSet<>();
                    rows.forEach(row -> known.add(row.getString("id")));
                    List<FieldViolation> unknown = new ArrayList<>();
                    for (Reference r : ids) {
                        if (!known.contains(r.id())) {
                            unknown.add(new FieldViolation(
                                    r.field(), "'" + r.id() + "' is not an organisation of the partnership"));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw ProblemException.invalid(unknown);
                    }
                    return (Void) null;
                });
    }

    /** A field of a body that names an organisation. */
    public record Reference(String field, String id) {}
}
