package org.csp.web.indicator;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** An indicator's series from the gateway, with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/views/indicators")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewaySeries {

    /** {@code geography}, {@code from} and {@code to} may be null: the gateway's defaults (the district, 12 quarters). */
    @GET
    @Path("{code}/series")
    SeriesBody series(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to);
}
