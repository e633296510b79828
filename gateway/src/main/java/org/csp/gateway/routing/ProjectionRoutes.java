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
 * The projections the services run, reached through the gateway: {@code /api/admin/projections/{name}/**} for a name
 * of {@link ServiceProxy#SERVICE_PROJECTIONS} (measures-service's {@code derived}, engagement-service's {@code registry})
 * is forwarded to the service's own admin endpoints (status, rebuild and repairs), as {@link ApiRoutes} forwards the
 * APIs. This path is more specific than the gateway's own {@code /api/admin/projections}, which answers for the
 * gateway's projections ({@code quarterly}) and for every other name.
 */
@Path("/api/admin/projections/{name: " + ServiceProxy.SERVICE_PROJECTIONS + "}{rest: (/.*)?}")
public class ProjectionRoutes {

    private final ServiceProxy proxy;

    public ProjectionRoutes(ServiceProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    public Uni<Response> get(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        return proxy.forwardToProjection("GET", name, ServiceProxy.pathAndQuery(uri), headers, null)
                .map(ServiceProxy.Forwarded::response);
    }

    @POST
    public Uni<Response> post(
            @PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy.forwardToProjection("POST", name, ServiceProxy.pathAndQuery(uri), headers, body)
                .map(ServiceProxy.Forwarded::response);
    }
}
