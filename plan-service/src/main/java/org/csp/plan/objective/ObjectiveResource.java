package org.csp.plan.objective;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.plan.element.Element;
import org.csp.plan.element.ElementResource;
import org.csp.plan.element.States;
import org.csp.plan.objective.ObjectiveEvent.Definition;
import org.csp.plan.objective.Objectives.ObjectiveRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The objectives ("what will we aim to achieve?") of the plan's priorities. */
@Path("/api/objectives")
@Produces(MediaType.APPLICATION_JSON)
// read, amend and retire are inherited (PlanPartResource, ElementResource) and answer with this kind's view:
// SmallRye gives each operation the responses declared on its resource class, a method's own overriding them
@APIResponse(
        responseCode = "200",
        description = "The objective as it stands (read, amended or retired)",
        headers = @Header(ref = "ETag"),
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ObjectiveResource.ObjectiveView.class)))
public class ObjectiveResource
        extends ElementResource<ObjectiveRequest, Definition, ObjectiveEvent, ObjectiveResource.ObjectiveView> {

    public ObjectiveResource(Objectives objectives, ApiCall call) {
        super(objectives.elements(), "/api/objectives/", (row, names) -> ObjectiveView.of(row), call);
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
    @APIResponse(
            responseCode = "200",
            description = "The objectives",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ObjectiveView.class)))
    public Uni<List<ObjectiveView>> list(
            @QueryParam("partnership") String partnership,
            @QueryParam("priority") Integer priority,
            @QueryParam("includeRetired") boolean includeRetired) {
        return listed(partnership, includeRetired, definition -> priority == null || definition.priority() == priority);
    }

    /** Adds an objective ({@code plan.objective.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The new objective",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ObjectiveView.class)))
    public Uni<Response> create(@QueryParam("partnership") String partnership, ObjectiveRequest body) {
        return created(partnership, body);
    }
}
