package org.csp.plan.actionplan;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.plan.element.Responses;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final Plans plans;
    private final ApiCall call;

    public PlanResource(Plans plans, ApiCall call) {
        this.plans = plans;
        this.call = call;
    }

    /** The partnership's plans (one, or none before its plan file is imported). */
    @GET
    @RolesAllowed(READER)
    public Uni<List<PlanTree.PlanSummary>> list(@QueryParam("partnership") String partnership) {
        return plans.current(call.partnership(partnership))
                .map(snapshot -> snapshot.plan().exists() ? List.of(PlanTree.summary(snapshot)) : List.of());
    }

    /**
     * The whole plan tree in one call: the plan's content and its priorities with objectives, initiatives and
     * indicator codes. {@code revision} reads an earlier revision as it stood until the next one was recorded;
     * {@code includeRetired=true} shows retired parts too.
     */
    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The plan tree",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanTree.class)))
    public Uni<Response> get(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @QueryParam("revision") Integer revision,
            @QueryParam("includeRetired") boolean includeRetired) {
        String partnershipId = call.partnership(partnership);
        Uni<Plans.Snapshot> snapshot =
                revision == null ? plans.current(partnershipId) : plans.asOf(partnershipId, id, revision);
        return snapshot.map(s -> {
            if (s.plan() == null || !id.equals(s.plan().planId())) {
                throw ProblemException.notFound("Plan", id);
            }
            return Responses.ok(PlanTree.of(partnershipId, s, includeRetired), s.version());
        });
    }

    /** Every revision of the plan, oldest first, with when and by whom it was recorded. */
    @GET
    @Path("{id}/revisions")
    @RolesAllowed(READER)
    public Uni<List<Plans.Revision>> revisions(
            @PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return plans.revisions(call.partnership(partnership), id);
    }

    /**
     * Imports a plan file ({@code csp-plan/2}) for the partnership it names, which must be the caller's. The first
     * import creates the plan; a changed file records a new revision with exactly its differences; the same file
     * again changes nothing.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "200",
            description = "What the import did",
            headers = @Header(ref = "Location"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Plans.ImportResult.class)))
    public Uni<Response> importPlan(PlanFile file) {
        PlanContents contents = PlanContents.of(file);
        call.partnership(contents.partnershipId());
        return plans.importPlan(contents, call.actor())
                .map(result -> Response.ok(result)
                        .header("Location", "/api/plans/" + result.planId())
                        .build());
    }
}
