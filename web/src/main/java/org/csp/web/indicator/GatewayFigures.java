package org.csp.web.indicator;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.web.gateway.FormAnswers;
import org.csp.web.gateway.FormRefused;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Figures the indicator page's forms post to measures-service through the gateway, each with the form's
 * {@code Idempotency-Key} (a second click records once); refusals the form shows are {@link FormRefused}.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(FormAnswers.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayFigures {

    /** One figure: 201 new or revised, 200 when it already is the current figure. */
    @POST
    @Path("/api/indicators/{code}/data-points")
    @Consumes(MediaType.APPLICATION_JSON)
    Response record(@PathParam("code") String code, @HeaderParam("Idempotency-Key") String key, FigureRequest figure);

    /** A CSV file of figures: every row recorded, or none and a 422 naming every bad row. */
    @POST
    @Path("/api/data-points/batch")
    @Consumes("text/csv")
    BatchResult upload(@HeaderParam("Idempotency-Key") String key, byte[] csv);
}
