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
import java.util.Date;
import org.csp.calendar.FinancialQuarter;
import org.csp.gateway.quarterly.QuarterParameter;
import org.csp.http.ApiCall;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The partnership's views, served from the gateway's quarterly projection: the quarter as its meeting sees it and
 * each priority's page. Every answer carries an {@code ETag}; {@code If-None-Match} with it is a 304.
 */
@Path("/api/views/quarterly")
@Produces(MediaType.APPLICATION_JSON)
public class PartnershipViewResource {

    private static final String AS_AT = "live, close (the latest close of the quarter's review) or close:N (the N-th);"
            + " by default the latest close when the review is closed, else live";

    private final PartnershipViews views;
    private final ApiCall call;

    public PartnershipViewResource(PartnershipViews views, ApiCall call) {
        this.views = views;
        this.call = call;
    }

    /** The partnership's view of a financial-year quarter, e.g. {@code 2024-25-Q2} (July–September 2024). */
    @GET
    @Path("{quarter}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The quarter",
            headers = {@Header(ref = "ETag"), @Header(ref = "Last-Modified")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuarterView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> quarterly(
            @PathParam("quarter") String quarter,
            @QueryParam("partnership") String partnership,
            @Parameter(description = AS_AT) @Schema(maxLength = ViewAsAt.MAX_LENGTH) @QueryParam("asAt") String asAt,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FinancialQuarter q = QuarterParameter.parse(quarter);
        ViewAsAt at = ViewAsAt.parse(asAt);
        return views.quarter(call.partnership(partnership), q, at, ifNoneMatch).map(PartnershipViewResource::answer);
    }

    /** One priority's page of a quarter: its objectives, initiatives, indicators and engagement. */
    @GET
    @Path("{quarter}/priorities/{number}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The priority's quarter",
            headers = {@Header(ref = "ETag"), @Header(ref = "Last-Modified")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriorityQuarterView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> priority(
            @PathParam("quarter") String quarter,
            @Parameter(description = "The priority's number in the plan") @PathParam("number") String number,
            @QueryParam("partnership") String partnership,
            @Parameter(description = AS_AT) @Schema(maxLength = ViewAsAt.MAX_LENGTH) @QueryParam("asAt") String asAt,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FinancialQuarter q = QuarterParameter.parse(quarter);
        if (!number.matches("[1-9][0-9]{0,2}")) {
            throw new ProblemException(
                    404, "not-found", "No such priority", "'" + number + "' is not a priority's number, like 1.");
        }
        ViewAsAt at = ViewAsAt.parse(asAt);
        return views.priority(call.partnership(partnership), q, Integer.parseInt(number), at, ifNoneMatch)
                .map(PartnershipViewResource::answer);
    }

    /** 200 with the view, or 304 when the request's tag still holds; either with the tag. */
    static Response answer(PartnershipViews.Tagged<?> tagged) {
        Response.ResponseBuilder response = tagged.view() == null ? Response.notModified() : Response.ok(tagged.view());
        return response.header(HttpHeaders.ETAG, tagged.etag())
                .lastModified(Date.from(tagged.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .build();
    }
}
