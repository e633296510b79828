package org.csp.plan.element;

import static org.csp.security.Roles.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Predicate;
import org.csp.http.ApiCall;
import org.csp.http.MergePatch;
import org.csp.plan.organisation.OrganisationNames;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The resource every element kind (organisation, priority, objective) shares: read one, its history, amend it with a
 * merge patch, retire it. A kind's resource names its path, lists and creates (its filters and request type differ)
 * and declares its view. {@code V} is the kind's API view.
 */
public abstract class ElementResource<B, D, E, V> extends PlanPartResource {

    /** How a kind's element reads on the API; organisation ids may show their names beside them. */
    @FunctionalInterface
    public interface View<D, V> {
        V of(States.Versioned<Element<D>> row, OrganisationNames organisations);
    }

    private final Elements<B, D, E> elements;
    private final String route;
    private final View<D, V> view;

    protected ElementResource(Elements<B, D, E> elements, String route, View<D, V> view, ApiCall call) {
        super(call);
        this.elements = elements;
        this.route = route;
        this.view = view;
    }

    /** The kind's elements, in id order, retired ones only when asked for, filtered by their definition. */
    protected Uni<List<V>> listed(String partnership, boolean includeRetired, Predicate<D> filter) {
        String partnershipId = call.partnership(partnership);
        return names(partnershipId)
                .flatMap(names -> elements.list(partnershipId)
                        .map(rows -> rows.stream()
                                .filter(row -> includeRetired || row.state().active())
                                .filter(row -> filter.test(row.state().definition()))
                                .map(row -> view.of(row, names))
                                .toList()));
    }

    protected Uni<Response> created(String partnership, B body) {
        String partnershipId = call.partnership(partnership);
        return elements.create(partnershipId, body, call.actor())
                .flatMap(outcome -> elements.get(partnershipId, outcome.state().id()))
                .flatMap(row -> names(partnershipId)
                        .map(names -> Responses.created(route + row.id(), view.of(row, names), row.version())));
    }

    /** Amends with a JSON merge patch of the element's request (its {@code …amended.v1} event); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    // @RolesAllowed on a method a resource inherits is applied but not seen by SmallRye's OpenAPI scan: the roles are
    // given to the API document here too (ProblemResponses lists them as x-roles)
    @RolesAllowed(COORDINATOR)
    @SecurityRequirement(name = "bearer", scopes = COORDINATOR)
    public Uni<Response> amend(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            description = "A JSON merge patch of the element's request: the fields to change, null"
                                    + " removes one",
                            content = @Content(mediaType = MergePatch.MEDIA_TYPE))
                    byte[] body) {
        return written(id, partnership, ifMatch, (partnershipId, version, actor) -> {
            JsonNode patch = call.tree(body);
            return elements.amend(
                    partnershipId, id, current -> call.patch(current, patch, elements.requestType()), version, actor);
        });
    }

    @Override
    protected PlanParts parts() {
        return elements;
    }

    @Override
    protected Uni<Response> current(String partnershipId, String id) {
        return elements.get(partnershipId, id).flatMap(row -> respond(partnershipId, row));
    }

    private Uni<Response> respond(String partnershipId, States.Versioned<Element<D>> row) {
        return names(partnershipId).map(names -> Responses.ok(view.of(row, names), row.version()));
    }

    /**
     * The organisation names this kind's view shows beside ids; none by default, so that a kind whose view names no
     * organisation does not read the registry on every request.
     */
    protected Uni<OrganisationNames> names(String partnershipId) {
        return Uni.createFrom().item(OrganisationNames.NONE);
    }

    /** The partnership's registry names, for a kind whose view shows them ({@link #names}). */
    protected final Uni<OrganisationNames> registryNames(String partnershipId) {
        return OrganisationNames.load(elements.store().pool(), partnershipId);
    }
}
