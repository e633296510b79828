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
import java.time.Clock;
import java.time.LocalDate;
import org.csp.calendar.FinancialQuarter;
import org.csp.codes.Coded;
import org.csp.http.ApiCall;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An indicator's series with its process-control reading ({@code GET /api/views/indicators/{code}/series}). */
@Path("/api/views/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    /** The longest indicator code accepted. */
    static final int MAX_CODE_LENGTH = 64;

    private final IndicatorSeries series;
    private final ApiCall call;
    private final Clock clock;

    public SeriesResource(IndicatorSeries series, ApiCall call, Clock clock) {
        this.series = series;
        this.call = call;
        this.clock = clock;
    }

    @GET
    @Path("{code}/series")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The indicator's series",
            headers = {@Header(ref = "ETag"), @Header(ref = "Last-Modified")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    public Uni<Response> series(
            @PathParam("code") String code,
            @QueryParam("partnership") String partnership,
            @Parameter(description = "A GSS code: the partnership's district (the default) or one of its wards")
                    @Schema(maxLength = SeriesQuery.MAX_GEOGRAPHY_LENGTH)
                    @QueryParam("geography")
                    String geography,
            @Parameter(description = "The first financial quarter, like 2022-23-Q1 (default: eleven before to)")
                    @Schema(maxLength = Coded.MAX_LENGTH)
                    @QueryParam("from")
                    String from,
            @Parameter(description = "The last financial quarter (default: the current one)")
                    @Schema(maxLength = Coded.MAX_LENGTH)
                    @QueryParam("to")
                    String to,
            @Parameter(description = "How many points the process-control baseline takes (default 12)")
                    @Schema(maxLength = 3)
                    @QueryParam("baseline")
                    String baseline,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (code.length() > MAX_CODE_LENGTH || !code.matches("[A-Z0-9][A-Z0-9-]*")) {
            throw new ProblemException(
                    404, "not-found", "No such indicator", "'" + code + "' is not an indicator code.");
        }
        SeriesQuery query = SeriesQuery.parse(geography, from, to, baseline, FinancialQuarter.of(LocalDate.now(clock)));
        return series.read(call.partnership(partnership), code, query, ifNoneMatch)
                .map(PartnershipViewResource::answer);
    }
}
