package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What the gateway's routes share: a request to a set of paths goes through {@link ServiceProxy} to the service its
 * path parameter {@code parameter} names, and the service's answer comes back as it is. A route names the paths
 * ({@code @Path}) and says which of the proxy's ways to a service it takes ({@link #send}); GET and POST are forwarded
 * here, a route that forwards more methods adds them with {@link #forward}.
 */
abstract class Forwarding {

    protected final ServiceProxy proxy;

    private final String parameter;

    Forwarding(ServiceProxy proxy, String parameter) {
        this.proxy = proxy;
        this.parameter = parameter;
    }

    @GET
    public Uni<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @POST
    public Uni<Response> post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    protected Uni<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String name = uri.getPathParameters().getFirst(parameter);
        return send(method, name, uri, headers, body).map(ServiceProxy.Forwarded::response);
    }

    /** The request to the service that {@code name} (the path parameter) names. */
    protected abstract Uni<ServiceProxy.Forwarded> send(
            String method, String name, UriInfo uri, HttpHeaders headers, byte[] body);
}
