package org.csp.web.engagement;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.FormAnswers;
import org.csp.web.gateway.FormRefused;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** New engagement records to engagement-service through the gateway; the refusals a form shows are {@link FormRefused}. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(FormAnswers.class)
@AccessToken
@Path("/api/engagements")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayRecords {

    /**
     * Records an activity; a repeat with the same {@code Idempotency-Key} (a second click on the form) gets the first
     * answer again and records nothing more.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    EngagementBody record(@HeaderParam("Idempotency-Key") String idempotencyKey, RecordRequest request);
}
