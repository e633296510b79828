package org.csp.gateway.publicfigures;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.csp.calendar.FinancialQuarter;
import org.csp.gateway.quarterly.QuarterParameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The public figures ({@code GET /api/public/2024-25-Q2}): no login (Priority 4: "inform the community of the actual
 * levels of crime and ASB"), nothing a login would be needed for, counts put through disclosure control; rate-limited
 * by address like every request without a token; cacheable by anyone for a minute, and conditional on its tag.
 */
@Path("/api/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicFiguresResource {

    private final PublicFigures figures;

    public PublicFiguresResource(PublicFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("{quarter}")
    @PermitAll
    @APIResponse(
            responseCode = "200",
            description = "The quarter's public figures",
            headers = {@Header(ref = "ETag"), @Header(ref = "Last-Modified")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublicFiguresView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> quarter(
            @PathParam("quarter") String quarter, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FinancialQuarter q = QuarterParameter.parse(quarter);
        return figures.read(q, ifNoneMatch).map(tagged -> {
            Response.ResponseBuilder response =
                    tagged.view() == null ? Response.notModified() : Response.ok(tagged.view());
            return response.header(HttpHeaders.ETAG, tagged.etag())
                    .lastModified(Date.from(tagged.lastModified()))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                    .build();
        });
    }
}
