package org.csp.plan.priority;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.MergePatch;
import org.csp.plan.element.Element;
import org.csp.plan.element.ElementEndpoints;
import org.csp.plan.element.RetireRequest;
import org.csp.plan.element.States;
import org.csp.plan.organisation.OrganisationNames;
import org.csp.plan.priority.Priorities.PriorityRequest;
import org.csp.plan.priority.PriorityEvent.Definition;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The plan's priorities, known by their number. */
@Path("/api/priorities")
@Produces(MediaType.APPLICATION_JSON)
public class PriorityResource {

    private final ElementEndpoints<PriorityRequest, Definition, PriorityEvent, PriorityView> endpoints;

    public PriorityResource(Priorities priorities, ApiCall call) {
        this.endpoints = new ElementEndpoints<>(priorities.elements(), "/api/priorities/", PriorityView::of, call);
    }

    /** A priority; {@code leadOrganisation} is a registry id, its name beside it. */
    public record PriorityView(
            int number,
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String leadOrganisationName,
            String subGroup,
            List<MeasureView> measures,
            boolean retired,
            long version) {
        static PriorityView of(States.Versioned<Element<Definition>> row, OrganisationNames organisations) {
            Definition d = row.state().definition();
            return new PriorityView(
                    Integer.parseInt(row.id()),
                    d.title(),
                    d.statement(),
                    d.why(),
                    d.leadOrganisation(),
                    organisations.name(d.leadOrganisation()),
                    d.subGroup(),
                    d.measures().stream().map(MeasureView::of).toList(),
                    row.state().retired(),
                    row.version());
        }
    }

    /** A "how will we measure success?" line and the indicator codes behind it. */
    public record MeasureView(String text, List<String> indicators) {
        public static MeasureView of(PriorityEvent.Measure m) {
            return new MeasureView(m.text(), m.indicators());
        }
    }

    @GET
    @RolesAllowed(READER)
    public Uni<List<PriorityView>> list(
            @QueryParam("partnership") String partnership, @QueryParam("includeRetired") boolean includeRetired) {
        return endpoints
                .list(partnership, includeRetired, definition -> true)
                .map(views -> views.stream()
                        .sorted(Comparator.comparingInt(PriorityView::number))
                        .toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return endpoints.get(id, partnership);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed(READER)
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return endpoints.history(id, partnership);
    }

    /** Adds a priority ({@code plan.priority.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> create(@QueryParam("partnership") String partnership, PriorityRequest body) {
        return endpoints.create(partnership, body);
    }

    /** Amends with a JSON merge patch ({@code plan.priority.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(COORDINATOR)
    public Uni<Response> amend(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            description = "A JSON merge patch of the body: the fields to change, null removes one",
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = PriorityRequest.class)))
                    byte[] body) {
        return endpoints.amend(id, partnership, ifMatch, body);
    }

    /** Retires the priority ({@code plan.priority.retired.v1}); needs If-Match. */
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> retire(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            RetireRequest body) {
        return endpoints.retire(id, partnership, ifMatch, body);
    }
}
