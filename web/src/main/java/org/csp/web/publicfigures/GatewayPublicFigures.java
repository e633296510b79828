package org.csp.web.publicfigures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's public figures: no token is sent, whoever is signed in. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@Path("/api/public")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayPublicFigures {

    @GET
    @Path("{quarter}")
    PublicFiguresBody quarter(@PathParam("quarter") String quarter);
}
