package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.csp.security.Roles;

/**
 * The services' relays, reached through the gateway by the service's name: {@code /api/admin/relay/{plan|measures|
 * engagement}/…} is forwarded to that service's {@code /api/admin/relay/…} (the refused events and their republishing,
 * the kernel's {@code RelayResource}). Each service has one relay; the gateway has none.
 * Administrator only, at the gateway already: no other caller's request reaches the service.
 */
@RolesAllowed(Roles.ADMINISTRATOR)
@Path("/api/admin/relay/{name: " + ServiceProxy.RELAYS + "}{rest: (/.*)?}")
public class RelayRoutes extends Forwarding {

    public RelayRoutes(ServiceProxy proxy) {
        super(proxy, "name");
    }

    /** The raw path after the name, so that what the client encoded reaches the service encoded alike. */
    @Override
    protected Uni<ServiceProxy.Forwarded> send(
            String method, String name, UriInfo uri, HttpHeaders headers, byte[] body) {
        String path = uri.getRequestUri().getRawPath();
        String rest = path.substring(("/api/admin/relay/" + name).length());
        return proxy.forwardToRelay(method, name, rest, uri.getRequestUri().getRawQuery(), headers, body);
    }
}
