package org.csp.plan.objective;

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
import java.util.List;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.MergePatch;
import org.csp.plan.element.Element;
import org.csp.plan.element.ElementEndpoints;
import org.csp.plan.element.RetireRequest;
import org.csp.plan.element.States;
import org.csp.plan.objective.ObjectiveEvent.Definition;
import org.csp.plan.objective.Objectives.ObjectiveRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The objectives ("what will we aim to achieve?") of the plan's priorities. */
@Path("/api/objectives")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectiveResource {

    private final ElementEndpoints<ObjectiveRequest, Definition, ObjectiveEvent, ObjectiveView> endpoints;

    public ObjectiveResource(Objectives objectives, ApiCall call) {
        this.endpoints = new ElementEndpoints<>(
                objectives.elements(), "/api/objectives/", (row, names) -> ObjectiveView.of(row), call);
    }

    public record ObjectiveView(
            String id, int priority, String text, List<String> indicators, boolean retired, long version) {
        static ObjectiveView of(States.Versioned<Element<Definition>> row) {
            Definition d = row.state().definition();
            return new ObjectiveView(
                    row.id(),
                    d.priority(),
                    d.text(),
                    d.indicators(),
                    row.state().retired(),
                    row.version());
        }
    }

    @GET
    @RolesAllowed(READER)
    public Uni<List<ObjectiveView>> list(
            @QueryParam("partnership") String partnership,
            @QueryParam("priority") Integer priority,
            @QueryParam("includeRetired") boolean includeRetired) {
        return endpoints.list(
                partnership, includeRetired, definition -> priority == null || definition.priority() == priority);
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

    /** Adds an objective ({@code plan.objective.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> create(@QueryParam("partnership") String partnership, ObjectiveRequest body) {
        return endpoints.create(partnership, body);
    }

    /** Amends with a JSON merge patch ({@code plan.objective.amended.v1}); needs If-Match. */
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
                                            schema = @Schema(implementation = ObjectiveRequest.class)))
                    byte[] body) {
        return endpoints.amend(id, partnership, ifMatch, body);
    }

    /** Retires the objective ({@code plan.objective.retired.v1}); needs If-Match. */
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
