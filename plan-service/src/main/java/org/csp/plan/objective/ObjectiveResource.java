package org.csp.plan.objective;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.http.Partnerships;
import org.csp.plan.element.Element;
import org.csp.plan.element.History;
import org.csp.plan.element.MergePatch;
import org.csp.plan.element.Preconditions;
import org.csp.plan.element.Responses;
import org.csp.plan.element.Retirement;
import org.csp.plan.element.States;
import org.csp.plan.objective.ObjectiveEvent.Definition;
import org.csp.plan.objective.Objectives.ObjectiveBody;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

/** The objectives ("what will we aim to achieve?") of the plan's priorities. */
@Path("/api/objectives")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectiveResource {

    private final Objectives objectives;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final ObjectMapper json;
    private final EventStore store;

    public ObjectiveResource(Objectives objectives, Partnerships partnerships, JsonWebToken token, ObjectMapper json,
                                EventStore store) {
        this.objectives = objectives;
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
        this.store = store;
    }

    public record ObjectiveView(String id, int priority, String text, List<String> indicators, boolean retired, long version) {
        static ObjectiveView of(States.Versioned<Element<Definition>> row) {
            Definition d = row.state().definition();
            return new ObjectiveView(row.id(), d.priority(), d.text(), d.indicators(), row.state().retired(), row.version());
        }
    }

    @GET
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<ObjectiveView>> list(@QueryParam("partnership") String partnership, @QueryParam("priority") Integer priority,
                                         @QueryParam("includeRetired") boolean includeRetired) {
        return objectives.elements().list(partnerships.resolve(partnership)).map(rows -> rows.stream()
                .filter(row -> includeRetired || row.state().active())
                .filter(row -> priority == null || row.state().definition().priority() == priority)
                .map(ObjectiveView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return objectives.elements().get(partnerships.resolve(partnership), id)
                .map(row -> Responses.ok(ObjectiveView.of(row), row.version()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return History.of(store, Objectives.KIND, partnerships.resolve(partnership), id);
    }

    /** Adds an objective ({@code plan.objective.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> create(@QueryParam("partnership") String partnership, ObjectiveBody body) {
        String partnershipId = partnerships.resolve(partnership);
        return objectives.elements().create(partnershipId, body, Actor.of(token))
                .flatMap(outcome -> objectives.elements().get(partnershipId, body.id()))
                .map(row -> Responses.created("/api/objectives/" + row.id(), ObjectiveView.of(row), row.version()));
    }

    /** Amends with a JSON merge patch ({@code plan.objective.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(COORDINATOR)
    public Uni<Response> amend(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                               @HeaderParam("If-Match") String ifMatch, byte[] body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = Preconditions.requireIfMatch(ifMatch);
        return objectives.elements().amend(partnershipId, id, Responses.tree(json, body), version, Actor.of(token), json)
                .flatMap(outcome -> objectives.elements().get(partnershipId, id))
                .map(row -> Responses.ok(ObjectiveView.of(row), row.version()));
    }

    /** Retires the objective ({@code plan.objective.retired.v1}); needs If-Match. */
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> retire(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                                @HeaderParam("If-Match") String ifMatch, Retirement body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = Preconditions.requireIfMatch(ifMatch);
        return objectives.elements().retire(partnershipId, id, Retirement.validate(body), version, Actor.of(token))
                .flatMap(outcome -> objectives.elements().get(partnershipId, id))
                .map(row -> Responses.ok(ObjectiveView.of(row), row.version()));
    }
}
