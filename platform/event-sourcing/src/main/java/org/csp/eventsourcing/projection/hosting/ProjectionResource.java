package org.csp.eventsourcing.projection.hosting;

import static org.csp.security.Roles.COORDINATOR;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;

/**
 * The coordinator's view of this application's projections, and their rebuild, all together or one by name. Any
 * instance answers; the leader of a projection does the rebuild.
 */
@Path(ProjectionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(COORDINATOR)
public class ProjectionResource {

    static final String PATH = "/api/admin/projections";

    private final ProjectionHost host;

    public ProjectionResource(ProjectionHost host) {
        this.host = host;
    }

    /** A rebuild that has been asked for: which generation is being built, and where to watch it. */
    public record RebuildAccepted(String projection, int generation, String status) {}

    /**
     * Per projection: the live generation with, per topic and partition, the applied offset and the lag to the end
     * of the topic; events applied since this instance started; parked records; gaps; and the rebuild, if any.
     */
    @GET
    @Path("status")
    public Uni<List<ProjectionStatus>> status() {
        return host.status();
    }

    /**
     * Rebuilds every projection from the beginning of the topics into fresh tables while the live view keeps
     * answering; the rebuilt view replaces it in one step once it has caught up. 202; progress at the status.
     */
    @POST
    @Path("rebuild")
    public Uni<Response> rebuild() {
        String status = PATH + "/status";
        return Multi.createFrom()
                .iterable(host.runners())
                .onItem()
                .transformToUniAndConcatenate(runner -> runner.requestRebuild()
                        .map(generation -> new RebuildAccepted(runner.name(), generation, status)))
                .collect()
                .asList()
                .map(accepted ->
                        Response.accepted(accepted).location(URI.create(status)).build());
    }

    /** One projection's status, as in {@link #status()}; 404 for a name this application does not run. */
    @GET
    @Path("{name: [a-z][a-z0-9_]*}/status")
    public Uni<ProjectionStatus> status(@PathParam("name") String name) {
        return host.runner(name).status();
    }

    /** One projection's rebuild, as in {@link #rebuild()} (the quarterly view's at the address the first release documented). */
    @POST
    @Path("{name: [a-z][a-z0-9_]*}/rebuild")
    public Uni<Response> rebuild(@PathParam("name") String name) {
        ProjectionRunner runner = host.runner(name);
        String status = PATH + "/" + name + "/status";
        return runner.requestRebuild()
                .map(generation -> Response.accepted(List.of(new RebuildAccepted(runner.name(), generation, status)))
                        .location(URI.create(status))
                        .build());
    }
}
