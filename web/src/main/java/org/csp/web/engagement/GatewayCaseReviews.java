package org.csp.web.engagement;

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

/** engagement-service's ASB case reviews (coordinators and engagement officers only), with the person's token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/case-reviews")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayCaseReviews {

    @GET
    List<CaseReviewBody> list();

    @GET
    @Path("{reference}")
    CaseReviewBody caseReview(@PathParam("reference") String reference);
}
