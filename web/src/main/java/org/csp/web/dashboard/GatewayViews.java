package org.csp.web.dashboard;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's partnership views, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/views/quarterly")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayViews {

    @GET
    @Path("{quarter}")
    QuarterViewBody quarter(@PathParam("quarter") String quarter);
}
