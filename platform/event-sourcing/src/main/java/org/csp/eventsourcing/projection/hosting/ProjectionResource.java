package org.csp.eventsourcing.projection.hosting;

import static org.csp.security.Roles.ADMINISTRATOR;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.admin.AdminReason;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The administrator's view of this application's projections, their rebuild (all together or one by name) and their
 * repair by name: parked records replayed or discarded, persistent gaps skipped, each with a reason, audited. Any
 * instance answers; the leader of a projection does the rebuild.
 */
@Path(ProjectionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ADMINISTRATOR)
public class ProjectionResource {

    static final String PATH = "/api/admin/projections";
    private static final String NAME = "{name: [a-z][a-z0-9_]*}";
    private static final String ID = "{id: [0-9]{1,18}}";

    private final ProjectionHost host;
    private final Instance<JsonWebToken> token;

    public ProjectionResource(ProjectionHost host, Instance<JsonWebToken> token) {
        this.host = host;
        this.token = token;
    }

    /** A rebuild that has been asked for: which generation is being built, and where to watch it. */
    public record RebuildAccepted(String projection, int generation, String status) {}

    /**
     * Per projection: the live generation with, per topic and partition, the applied offset and the lag to the end
     * of the topic; events applied since this instance started; parked records; gaps; and the rebuild, if any.
     */
    @GET
    @Path("status")
    @Operation(operationId = "ProjectionResource_statusOfAll")
    public Uni<List<ProjectionStatus>> status() {
        return host.status();
    }

    /**
     * Rebuilds every projection from the beginning of the topics into fresh tables while the live view keeps
     * answering; the rebuilt view replaces it in one step once it has caught up. 202; progress at the status.
     */
    @POST
    @Path("rebuild")
    @Operation(operationId = "ProjectionResource_rebuildAll")
    @APIResponse(
            responseCode = "202",
            description = "The rebuilds of every projection, asked for; progress at the status (Location)",
            headers =
                    @Header(
                            name = "Location",
                            description = "The status of all projections",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RebuildAccepted.class)))
    public Uni<Response> rebuild() {
        String status = PATH + "/status";
        Actor actor = actor();
        return Multi.createFrom()
                .iterable(host.runners())
                .onItem()
                .transformToUniAndConcatenate(runner -> runner.requestRebuild(actor)
                        .map(generation -> new RebuildAccepted(runner.name(), generation, status)))
                .collect()
                .asList()
                .map(accepted ->
                        Response.accepted(accepted).location(URI.create(status)).build());
    }

    /** One projection's status, as in {@link #status()}; 404 for a name this application does not run. */
    @GET
    @Path(NAME + "/status")
    public Uni<ProjectionStatus> status(@PathParam("name") String name) {
        return host.runner(name).status();
    }

    /** One projection's rebuild, as in {@link #rebuild()} (the quarterly view's at the address the first release documented). */
    @POST
    @Path(NAME + "/rebuild")
    @APIResponse(
            responseCode = "202",
            description = "The rebuild of the projection, asked for; progress at the status (Location)",
            headers =
                    @Header(
                            name = "Location",
                            description = "The projection's status",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RebuildAccepted.class)))
    public Uni<Response> rebuild(@PathParam("name") String name) {
        ProjectionRunner runner = host.runner(name);
        String status = PATH + "/" + name + "/status";
        return runner.requestRebuild(actor())
                .map(generation -> Response.accepted(List.of(new RebuildAccepted(runner.name(), generation, status)))
                        .location(URI.create(status))
                        .build());
    }

    /** The projection's parked records (live generation, at most 1000, oldest first), each with its id. */
    @GET
    @Path(NAME + "/parked")
    public Uni<List<ProjectionStatus.Parked>> parked(@PathParam("name") String name) {
        return host.runner(name).parked();
    }

    /**
     * Reads the parked record again from its topic and applies it, once its cause is fixed; 204, and it leaves the
     * list. 409 problem when it still cannot be applied (it stays, with the new reason); 404 for an unknown id.
     */
    @POST
    @Path(NAME + "/parked/" + ID + "/replay")
    @APIResponse(responseCode = "204", description = "Replayed: the record is applied and leaves the list")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response replay(@PathParam("name") String name, @PathParam("id") long id, AdminReason body) {
        String reason = AdminReason.validate(body);
        host.runner(name).replay(id, actor(), reason);
        return Response.noContent().build();
    }

    /** Takes the parked record off the list without applying it; 204. */
    @POST
    @Path(NAME + "/parked/" + ID + "/discard")
    @APIResponse(responseCode = "204", description = "Discarded: the record leaves the list unapplied")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> discard(@PathParam("name") String name, @PathParam("id") long id, AdminReason body) {
        String reason = AdminReason.validate(body);
        return host.runner(name)
                .discard(id, actor(), reason)
                .replaceWith(Response.noContent().build());
    }

    /** The projection's unresolved gaps (live generation, at most 1000, oldest first), each with its id. */
    @GET
    @Path(NAME + "/gaps")
    public Uni<List<ProjectionStatus.Gap>> gaps(@PathParam("name") String name) {
        return host.runner(name).gaps();
    }

    /**
     * Gives a persistent gap up: the events held behind it are applied, and the missing ones are passed over should
     * they ever come; 204. 409 problem for a gap that is not persistent yet; 404 for an unknown id.
     */
    @POST
    @Path(NAME + "/gaps/" + ID + "/skip")
    @APIResponse(responseCode = "204", description = "Skipped: the events held behind the gap are applied")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> skip(@PathParam("name") String name, @PathParam("id") long id, AdminReason body) {
        String reason = AdminReason.validate(body);
        return host.runner(name)
                .skipGap(id, actor(), reason)
                .replaceWith(Response.noContent().build());
    }

    private Actor actor() {
        return Actor.of(token.get());
    }
}
