package org.csp.web.initiative;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.FormAnswers;
import org.csp.web.gateway.FormRefused;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Progress reports to plan-service through the gateway; the refusals a form shows are {@link FormRefused}. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(FormAnswers.class)
@AccessToken
@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayProgress {

    /** A report for a quarter, made on the version the person saw ({@code If-Match}): 412 when it has moved on. */
    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    void report(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProgressReport report);
}
