package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The services' relays, reached through the gateway by the service's name: {@code /api/admin/relay/{plan|measures|
 * engagement}/…} is forwarded to that service's {@code /api/admin/relay/…} (the refused events and their republishing,
 * the kernel's {@code RelayResource}). Each service has one relay; the gateway has none.
 */
@Path("/api/admin/relay/{name: " + ServiceProxy.RELAYS + "}{rest: (/.*)?}")
public class RelayRoutes {

    private final ServiceProxy proxy;

    public RelayRoutes(ServiceProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    public Uni<Response> get(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", name, uri, headers, null);
    }

    @POST
    public Uni<Response> post(
            @PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", name, uri, headers, body);
    }

    /** The raw path after the name, so that what the client encoded reaches the service encoded alike. */
    private Uni<Response> forward(String method, String name, UriInfo uri, HttpHeaders headers, byte[] body) {
        String path = uri.getRequestUri().getRawPath();
        String rest = path.substring(("/api/admin/relay/" + name).length());
        return proxy.forwardToRelay(method, name, rest, uri.getRequestUri().getRawQuery(), headers, body)
                .map(ServiceProxy.Forwarded::response);
    }
}
