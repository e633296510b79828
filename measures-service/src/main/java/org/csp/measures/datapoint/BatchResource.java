package org.csp.measures.datapoint;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.PARTNER_AGENCY;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.datapoint.DataPointEvent.DataPointRevised;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/data-points/batch}: thousands of figures in one request, as a JSON array of rows or as CSV with the
 * same columns, recorded all-or-nothing in one transaction.
 */
@Path("/api/data-points/batch")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    static final String CSV = CsvRows.CSV_TYPE;

    private final DataPoints dataPoints;
    private final Callers callers;
    private final ApiCall call;

    public BatchResource(DataPoints dataPoints, Callers callers, ApiCall call) {
        this.dataPoints = dataPoints;
        this.callers = callers;
        this.call = call;
    }

    /** The largest batch body; the HTTP server's own limit ({@code quarkus.http.limits.max-body-size}) is the same. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** One row of a JSON batch: a data point's body with its indicator (documentation: rows are read by {@link JsonRows}). */
    public record BatchRow(
            @Schema(maxLength = IndicatorDefinitions.MAX_CODE, description = "An indicator code such as ASB-INCIDENTS")
            String indicator,

            @JsonUnwrapped DataPointResource.DataPointRequest point) {}

    /** What a batch did: how many rows, and of those how many were new data points, revisions, or already current. */
    public record BatchResult(int rows, int recorded, int revised, int unchanged) {}

    /**
     * Records every row or none: 200 with the counts; 422 listing every bad row (row, field, reason); 403 when a partner
     * posts for an indicator it is not a source of; 413 over the size limits. With {@code Idempotency-Key}, a repeat
     * gets the first answer and records nothing. Reading and checking up to 10,000 rows is work for a worker thread,
     * never the event loop.
     */
    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({COORDINATOR, PARTNER_AGENCY})
    @APIResponse(
            responseCode = "200",
            description = "Every row recorded: the counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchResult.class)))
    public Uni<Response> batch(
            @HeaderParam("Content-Type") String contentType,
            @QueryParam("partnership") String partnership,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.ARRAY,
                                                        implementation = BatchRow.class,
                                                        maxItems = DataPoints.MAX_ROWS,
                                                        description = "At most " + DataPoints.MAX_ROWS + " rows")),
                                @Content(
                                        mediaType = CSV,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        maxLength = MAX_BYTES,
                                                        description = "RFC 4180, a header row naming the columns"
                                                                + " indicator,period,geography,value,numerator,"
                                                                + "denominator,status,source,reason; at most "
                                                                + DataPoints.MAX_ROWS + " rows of cells of at most "
                                                                + CsvRows.MAX_CELL + " characters, in at most "
                                                                + MAX_BYTES + " bytes"))
                            })
                    byte[] body) {
        boolean csv = CsvRows.isCsv(contentType);
        CsvRows.requireBody(body, MAX_BYTES, "Send the rows as a JSON array or as CSV with a header row.");
        List<Validation> problems = new ArrayList<>();
        List<RowInput> rows = csv ? CsvRows.batch(body, problems) : JsonRows.batch(call.exactTree(body), problems);
        String key = IdempotentRequests.validKey(idempotencyKey);
        return dataPoints
                .ingest(
                        rows,
                        problems,
                        callers.current(partnership),
                        key,
                        IdempotentRequests.hash(
                                "POST", "/api/data-points/batch", csv ? CSV : MediaType.APPLICATION_JSON, body),
                        outcomes -> {
                            int recorded = 0;
                            int revised = 0;
                            for (DataPoints.RowOutcome o : outcomes) {
                                if (o.event() instanceof DataPointRecorded) {
                                    recorded++;
                                } else if (o.event() instanceof DataPointRevised) {
                                    revised++;
                                }
                            }
                            return new Answer(
                                    200,
                                    MediaType.APPLICATION_JSON,
                                    null,
                                    DataPointResource.write(
                                            call.json(),
                                            new BatchResult(
                                                    outcomes.size(),
                                                    recorded,
                                                    revised,
                                                    outcomes.size() - recorded - revised)));
                        })
                .map(ingested -> IdempotentRequests.response(ingested.answer(), ingested.replayed()));
    }
}
