package org.csp.web.indicator;

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

/** An indicator's data points with every revision, from measures-service through the gateway. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayRevisions {

    /** The points at {@code geography} from {@code from} to {@code to} (periods such as 2024-25-Q2), revisions included. */
    @GET
    @Path("{code}/data-points")
    List<RecordedPoint> points(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("revisions") boolean revisions);
}
