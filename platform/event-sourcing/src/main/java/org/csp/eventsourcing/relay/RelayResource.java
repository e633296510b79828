package org.csp.eventsourcing.relay;

import static org.csp.security.Roles.ADMINISTRATOR;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
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
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.admin.AdminReason;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The administrator's view of this service's relay: the events Kafka refused, and their republishing once the cause
 * is fixed. Any instance answers. Through the gateway: {@code /api/admin/relay/{plan|measures|engagement}/…}.
 */
@Path("/api/admin/relay")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ADMINISTRATOR)
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
public class RelayResource {

    private final OutboxRelay relay;
    private final Instance<JsonWebToken> token;

    public RelayResource(OutboxRelay relay, Instance<JsonWebToken> token) {
        this.relay = relay;
        this.token = token;
    }

    /** The refused events (the latest 500), those not yet republished first. */
    @GET
    @Path("refused")
    public Uni<List<RefusedEvent>> refused() {
        return relay.refused();
    }

    /**
     * Publishes the refused event at {@code position} again, with the reason ({@code {"reason": "…"}}); 204 once Kafka
     * took it. 404 for a position never refused, 409 when it was republished already or Kafka refuses it again.
     */
    @POST
    @Path("refused/{position: [0-9]{1,18}}/republish")
    @APIResponse(responseCode = "204", description = "Republished: Kafka took the event")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response republish(@PathParam("position") long position, AdminReason body) {
        String reason = AdminReason.validate(body);
        relay.republish(position, Actor.of(token.get()), reason);
        return Response.noContent().build();
    }
}
