package org.csp.web.platform;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The administrator's endpoints of the gateway and, through it, of the services. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayPlatform {

    /** The gateway's own projections (the partnership views and the county feed). */
    @GET
    @Path("projections/status")
    List<PlatformBody.Projection> gatewayProjections();

    /** A service's projection by the name the gateway routes it under ({@code derived}, {@code registry}). */
    @GET
    @Path("projections/{name}/status")
    PlatformBody.Projection serviceProjection(@PathParam("name") String name);

    /** The latest refused events of a service's relay ({@code plan}, {@code measures}, {@code engagement}). */
    @GET
    @Path("relay/{service}/refused")
    List<PlatformBody.Refused> refused(@PathParam("service") String service);
}
