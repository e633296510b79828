package org.csp.web.review;

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

/** plan-service's quarterly reviews through the gateway, read with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayReviews {

    /** The review of a quarter ({@code 2024-25-Q1}); 404 when none has been opened. */
    @GET
    @Path("{quarter}")
    ReviewBody review(@PathParam("quarter") String quarter);

    /** Every event of the review, oldest first: when it was opened, reported to, closed and reopened. */
    @GET
    @Path("{quarter}/history")
    List<ReviewEventBody> history(@PathParam("quarter") String quarter);
}
