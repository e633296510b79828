package org.csp.web.review;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.gateway.FormAnswers;
import org.csp.web.gateway.FormRefused;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The review's forms sent to plan-service through the gateway: open, a priority's report, close, reopen. Every change
 * to an opened review names the version the person saw ({@code If-Match}: 412 when it has moved on); the refusals a
 * form shows are {@link FormRefused}.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(FormAnswers.class)
@AccessToken
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayReviewForms {

    /** The body of an opening: the quarter as the API writes it ({@code 2024/25 Q1}). */
    record OpenRequest(String quarter) {}

    /** The body of a priority's report: the sub-group's summary. */
    record ReportRequest(String summary) {}

    /** The body of a reopening: why. */
    record ReopenRequest(String reason) {}

    /** Opens the review of a quarter (coordinator); 409 when it was opened already. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void open(OpenRequest request);

    /** Submits, or submits again, a priority's report (coordinator, or the priority's lead). */
    @PUT
    @Path("{quarter}/reports/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    void report(
            @PathParam("quarter") String quarter,
            @PathParam("priority") int priority,
            @HeaderParam("If-Match") String ifMatch,
            ReportRequest report);

    /** Closes the review, the missing reports recorded as missing (coordinator). */
    @POST
    @Path("{quarter}/close")
    void close(@PathParam("quarter") String quarter, @HeaderParam("If-Match") String ifMatch);

    /** Reopens a closed review for a reason (coordinator). */
    @POST
    @Path("{quarter}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    void reopen(@PathParam("quarter") String quarter, @HeaderParam("If-Match") String ifMatch, ReopenRequest reason);
}
