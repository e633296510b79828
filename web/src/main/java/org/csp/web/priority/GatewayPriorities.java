package org.csp.web.priority;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A priority's page of the gateway's quarterly view, with the signed-in person's access token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api/views/quarterly")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayPriorities {

    /** The gateway's answer: the quarter, and the priority in it. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String partnership, String quarter, PriorityBody priority) {}

    @GET
    @Path("{quarter}/priorities/{number}")
    Answer priority(@PathParam("quarter") String quarter, @PathParam("number") int number);
}
