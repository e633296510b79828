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

/** The objectives ("what will we aim to achieve?") of the plan's priorities. */
@Path("/api/objectives")
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<Response> create(@QueryParam("partnership") String partnership, ObjectiveRequest body) {
        return created(partnership, body);
    }
}
