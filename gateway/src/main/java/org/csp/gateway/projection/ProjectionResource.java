package org.csp.gateway.projection;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;

import java.net.URI;
import java.util.List;

import static org.csp.security.Roles.COORDINATOR;

/** The coordinator's view of the gateway's projections, and their rebuild. Any gateway instance answers. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(COORDINATOR)
public class ProjectionResource {

    private final Projections projections;

    public ProjectionResource(Projections projections) {
        this.projections = projections;
    }

    /** A rebuild that has been asked for: which generation is being built, and where to watch it. */
    public record RebuildAccepted(String projection, int generation, String status) {
    }

    /**
     * Per projection: the live generation with, per topic and partition, the applied offset and the lag to the end
     * of the topic; events applied since this instance started; parked records; gaps; and the rebuild, if any.
     */
    @GET
    @Path("status")
    public Uni<List<ProjectionStatus>> status() {
        return projections.status();
    }

    /**
     * Rebuilds every projection from the beginning of the topics into fresh tables while the live view keeps
     * answering; the rebuilt view replaces it in one step once it has caught up. 202; progress at the status.
     */
    @POST
    @Path("rebuild")
    public Uni<Response> rebuild() {
        return Multi.createFrom().iterable(projections.runners())
                .onItem().transformToUniAndConcatenate(runner -> runner.requestRebuild()
                        .map(generation -> new RebuildAccepted(runner.name(), generation, "/api/admin/projections/status")))
                .collect().asList()
                .map(accepted -> Response.accepted(accepted).location(URI.create("/api/admin/projections/status")).build());
    }

    /** The quarterly view's rebuild, at the address the first release documented. */
    @POST
    @Path("quarterly/rebuild")
    public Uni<Response> rebuildQuarterly() {
        ProjectionRunner runner = projections.runner("quarterly");
        return runner.requestRebuild().map(generation -> Response.accepted(List.of(
                        new RebuildAccepted(runner.name(), generation, "/api/admin/projections/status")))
                .location(URI.create("/api/admin/projections/status")).build());
    }
}
