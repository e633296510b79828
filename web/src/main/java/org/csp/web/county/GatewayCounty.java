package org.csp.web.county;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's county feed (county analysts only), with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/feeds/county")
public interface GatewayCounty {

    @GET
    @Path("{quarter}")
    @Produces(MediaType.APPLICATION_JSON)
    CountyBody feed(@PathParam("quarter") String quarter);

    /** The same rows as the gateway writes them in CSV (its documented columns). */
    @GET
    @Path("{quarter}")
    @Produces("text/csv")
    String csv(@PathParam("quarter") String quarter);
}
