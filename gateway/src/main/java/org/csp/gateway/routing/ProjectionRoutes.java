package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.csp.security.Roles;

/**
 * The projections the services run, reached through the gateway: {@code /api/admin/projections/{name}/**} for a name
 * of {@link ServiceProxy#SERVICE_PROJECTIONS} (measures-service's {@code derived}, engagement-service's {@code registry})
 * is forwarded to the service's own admin endpoints (status, rebuild and repairs), as {@link ApiRoutes} forwards the
 * APIs. This path is more specific than the gateway's own {@code /api/admin/projections}, which answers for the
 * gateway's projections ({@code quarterly}) and for every other name.
 * Administrator only, at the gateway already: no other caller's request reaches the service.
 */
@RolesAllowed(Roles.ADMINISTRATOR)
@Path("/api/admin/projections/{name: " + ServiceProxy.SERVICE_PROJECTIONS + "}{rest: (/.*)?}")
public class ProjectionRoutes extends Forwarding {

    public ProjectionRoutes(ServiceProxy proxy) {
        super(proxy, "name");
    }

    @Override
    protected Uni<ServiceProxy.Forwarded> send(
            String method, String name, UriInfo uri, HttpHeaders headers, byte[] body) {
        return proxy.forwardToProjection(method, name, ServiceProxy.pathAndQuery(uri), headers, body);
    }
}
