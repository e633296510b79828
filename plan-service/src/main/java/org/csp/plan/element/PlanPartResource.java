package org.csp.plan.element;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What every part of the plan shares (initiatives, and the element kinds): read one, its history, retire it with a
 * reason, and writes decided on the version If-Match names, answered with the part as the write leaves it.
 */
public abstract class PlanPartResource {

    /** A write of the part, decided on {@code version}. */
    @FunctionalInterface
    protected interface Write {
        Uni<?> apply(String partnershipId, long version, Actor actor);
    }

    protected final ApiCall call;

    protected PlanPartResource(ApiCall call) {
        this.call = call;
    }

    @GET
    @Path("{id}")
    // @RolesAllowed on a method a resource inherits is applied but not seen by SmallRye's OpenAPI scan: the roles are
    // given to the API document here too (ProblemResponses lists them as x-roles)
    @RolesAllowed(READER)
    @SecurityRequirement(name = "bearer", scopes = READER)
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return current(call.partnership(partnership), id);
    }

    /** Every event of it: who (subject and client), when, and which fields changed. */
    @GET
    @Path("{id}/history")
    @RolesAllowed(READER)
    @SecurityRequirement(name = "bearer", scopes = READER)
    @APIResponse(
            responseCode = "200",
            description = "Every event of it, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = History.Entry.class)))
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return parts().history(call.partnership(partnership), id);
    }

    /** Retires it, with the reason (its {@code …retired.v1} event); needs If-Match. */
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @SecurityRequirement(name = "bearer", scopes = COORDINATOR)
    public Uni<Response> retire(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            RetireRequest body) {
        return written(
                id,
                partnership,
                ifMatch,
                (partnershipId, version, actor) ->
                        parts().retire(partnershipId, id, RetireRequest.validate(body), version, actor));
    }

    /** Where the parts of this kind are kept. */
    protected abstract PlanParts parts();

    /** 200 with the part as it stands and its version as the ETag. */
    protected abstract Uni<Response> current(String partnershipId, String id);

    /** {@code write} decided on the version If-Match names (428 without one), answered with {@link #current}. */
    protected final Uni<Response> written(String id, String partnership, String ifMatch, Write write) {
        String partnershipId = call.partnership(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return write.apply(partnershipId, version, call.actor()).flatMap(outcome -> current(partnershipId, id));
    }
}
