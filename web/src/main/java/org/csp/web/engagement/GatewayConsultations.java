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

/** engagement-service's consultations and surveys through the gateway, with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/consultations")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayConsultations {

    @GET
    List<ConsultationBody> list();

    @GET
    @Path("{id}")
    ConsultationBody consultation(@PathParam("id") String id);
}
