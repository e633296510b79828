package org.csp.web.engagement;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service's records through the gateway, with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/engagements")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayEngagements {

    /**
     * The partnership's records, oldest first; a null filter is no filter ({@code quarter} as 2024-25-Q2, {@code place}
     * a GSS code).
     */
    @GET
    List<EngagementBody> list(
            @QueryParam("quarter") String quarter,
            @QueryParam("type") String type,
            @QueryParam("priority") Integer priority,
            @QueryParam("place") String place,
            @QueryParam("includeWithdrawn") boolean includeWithdrawn);

    @GET
    @Path("{id}")
    EngagementBody engagement(@PathParam("id") String id);
}
