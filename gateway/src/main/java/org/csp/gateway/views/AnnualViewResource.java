package org.csp.gateway.views;

import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.calendar.FinancialQuarter;
import org.csp.http.ApiCall;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A financial year for the annual Strategic Assessment ({@code GET /api/views/annual/2024-25}). */
@Path("/api/views/annual")
@Produces(MediaType.APPLICATION_JSON)
public class AnnualViewResource {

    private final AnnualViews views;
    private final ApiCall call;

    public AnnualViewResource(AnnualViews views, ApiCall call) {
        this.views = views;
        this.call = call;
    }

    @GET
    @Path("{year}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The financial year",
            headers = {@Header(ref = "ETag"), @Header(ref = "Last-Modified")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnnualView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> year(
            @PathParam("year") String year,
            @QueryParam("partnership") String partnership,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FinancialQuarter first = FinancialQuarter.parse(year + "-Q1")
                .filter(q -> year.length() == 7)
                .orElseThrow(() -> new ProblemException(
                        400,
                        "invalid-year",
                        "Unknown financial year",
                        "'" + year + "' is not a financial year; write it like 2024-25."));
        return views.read(call.partnership(partnership), first, ifNoneMatch).map(PartnershipViewResource::answer);
    }
}
