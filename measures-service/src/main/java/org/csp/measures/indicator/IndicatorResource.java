package org.csp.measures.indicator;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.UnaryOperator;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.http.MergePatch;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The partnership's indicator catalogue: everyone signed in reads it, the coordinator defines and amends it. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(READER)
public class IndicatorResource {

    private final Indicators indicators;
    private final ApiCall call;

    public IndicatorResource(Indicators indicators, ApiCall call) {
        this.indicators = indicators;
        this.call = call;
    }

    /**
     * An indicator as the API shows it: its definition in the fields a request takes, and {@code version}, its ETag.
     */
    public record IndicatorView(@JsonUnwrapped IndicatorRequest indicator, long version) {
        static IndicatorView of(IndicatorRow r) {
            return new IndicatorView(IndicatorDefinitions.body(r.code(), r.definition()), r.version());
        }
    }

    /** The partnership's indicators, optionally of one priority. */
    @GET
    public Uni<List<IndicatorView>> list(
            @QueryParam("partnership") String partnership, @QueryParam("priority") String priority) {
        Integer number = null;
        if (priority != null && !priority.isBlank()) {
            if (!priority.strip().matches("[1-9]\\d?")) {
                throw new ProblemException(
                        400,
                        "invalid-query",
                        "Invalid query parameter",
                        "priority must be a priority number such as 1.");
            }
            number = Integer.parseInt(priority.strip());
        }
        return indicators
                .list(call.partnership(partnership), number)
                .map(rows -> rows.stream().map(IndicatorView::of).toList());
    }

    @GET
    @Path("{code}")
    @APIResponse(
            responseCode = "200",
            description = "The indicator",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorView.class)))
    public Uni<Response> get(@PathParam("code") String code, @QueryParam("partnership") String partnership) {
        return indicators
                .find(call.partnership(partnership), code)
                .map(found -> ok(found.orElseThrow(() -> ProblemException.notFound("Indicator", code))));
    }

    /** Adds an indicator to the catalogue ({@code measures.indicator.defined.v3}): 201, or 409 when the code is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The new indicator",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorView.class)))
    public Uni<Response> create(@QueryParam("partnership") String partnership, IndicatorRequest body) {
        return indicators
                .create(call.partnership(partnership), body, call.actor())
                .map(row -> Response.status(Response.Status.CREATED)
                        .header("Location", "/api/indicators/" + row.code())
                        .entity(IndicatorView.of(row))
                        .tag(Long.toString(row.version()))
                        .build());
    }

    /** Amends the definition ({@code measures.indicator.amended.v2}); needs If-Match with the indicator's ETag. */
    @PATCH
    @Path("{code}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "200",
            description = "The indicator as amended",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorView.class)))
    public Uni<Response> amend(
            @PathParam("code") String code,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            description = "A JSON merge patch of the indicator: the fields to change",
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = IndicatorRequest.class)))
                    byte[] body) {
        String partnershipId = call.partnership(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return indicators
                .amend(partnershipId, code, patchedBy(body), version, call.actor())
                .map(IndicatorResource::ok);
    }

    /** Every definition and amendment, with who made it and which fields changed. */
    @GET
    @Path("{code}/history")
    public Uni<List<History.Entry>> history(
            @PathParam("code") String code, @QueryParam("partnership") String partnership) {
        return indicators.history(call.partnership(partnership), code);
    }

    private static Response ok(IndicatorRow row) {
        return Response.ok(IndicatorView.of(row))
                .tag(Long.toString(row.version()))
                .build();
    }

    /** The client's merge patch, read now (400 when malformed) and applied to the current request in the transaction. */
    private UnaryOperator<IndicatorRequest> patchedBy(byte[] body) {
        JsonNode patch = call.tree(body);
        return current -> call.patch(current, patch, IndicatorRequest.class);
    }
}
