package org.csp.measures.datapoint;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.READER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;
import org.csp.eventsourcing.StoredEvent;
import org.csp.geography.GssCode;
import org.csp.http.ApiCall;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An indicator's figures: posting one ({@code POST …/data-points}), its series of current values with their revisions,
 * and one data point's history. Batches arrive at {@link BatchResource}; both go through the same validation.
 */
@Path("/api/indicators/{code}/data-points")
@Produces(MediaType.APPLICATION_JSON)
public class DataPointResource {

    private final DataPoints dataPoints;
    private final Callers callers;
    private final ApiCall call;

    public DataPointResource(DataPoints dataPoints, Callers callers, ApiCall call) {
        this.dataPoints = dataPoints;
        this.callers = callers;
        this.call = call;
    }

    /** The body of {@code POST …/data-points} (documentation; the body is read as a row, see {@link JsonRows}). */
    public record DataPointRequest(
            @Schema(
                    maxLength = ReportingPeriod.MAX_LENGTH,
                    description = "A month (2024-08), quarter (2024/25 Q2) or year (2024/25)")
            String period,

            @Schema(maxLength = GssCode.LENGTH, description = "A GSS code such as E07000082")
            String geography,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal value,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal numerator,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal denominator,

            @Schema(maxLength = Coded.MAX_LENGTH, description = "provisional or final")
            String status,

            @Schema(maxLength = IndicatorDefinitions.MAX_SOURCE)
            String source,

            @Schema(maxLength = DataPointRules.MAX_REASON) String reason) {}

    /** A recorded revision, as the answer to a post. */
    public record DataPointView(
            String indicator,
            String period,
            String geography,
            String source,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String status,
            String submittedBy,
            int revision) {
        static DataPointView of(DataPointEvent e) {
            return new DataPointView(
                    e.indicatorCode(),
                    e.period(),
                    e.geography(),
                    e.source(),
                    e.value(),
                    e.numerator(),
                    e.denominator(),
                    e.status(),
                    DataPointTable.submittedBy(e),
                    e.revision());
        }
    }

    /** One revision of a data point: what was reported, when, by which system and person, and why it changed. */
    public record Revision(
            int revision,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String status,
            String reason,
            String submittedBy,
            String submittedBySubject,
            OffsetDateTime recordedAt) {
        static Revision of(StoredEvent stored) {
            DataPointEvent e = DataPointEvent.TYPES.decode(stored);
            String reason = e instanceof DataPointEvent.DataPointRevised r ? r.reason() : null;
            return new Revision(
                    e.revision(),
                    e.value(),
                    e.numerator(),
                    e.denominator(),
                    e.status(),
                    reason,
                    DataPointTable.submittedBy(e),
                    stored.actor().subject(),
                    stored.occurredAt());
        }
    }

    /** A data point's current revision; {@code revisions} all of them, oldest first, when asked for. */
    public record SeriesPoint(
            String indicator,
            String period,
            String geography,
            String source,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String status,
            String submittedBy,
            int revision,
            OffsetDateTime recordedAt,
            List<Revision> revisions) {
        static SeriesPoint of(DataPointRow r, List<Revision> revisions) {
            return new SeriesPoint(
                    r.indicator(),
                    r.period(),
                    r.geography(),
                    r.source(),
                    r.value(),
                    r.numerator(),
                    r.denominator(),
                    r.status(),
                    r.submittedBy(),
                    r.revision(),
                    r.recordedAt(),
                    revisions);
        }
    }

    /**
     * Posts one figure: 201 with a new data point or revision, 200 when it is already the current revision (a retry
     * changes nothing). With {@code Idempotency-Key}, a repeat gets the first answer.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, PARTNER_AGENCY})
    @APIResponse(
            responseCode = "200",
            description = "Already the current revision: nothing changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DataPointView.class)))
    @APIResponse(
            responseCode = "201",
            description = "A new data point or revision",
            headers = @Header(ref = "Location"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DataPointView.class)))
    public Uni<Response> record(
            @PathParam("code") String code,
            @QueryParam("partnership") String partnership,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = DataPointRequest.class))) byte[] body) {
        JsonNode tree = call.exactTree(body);
        if (!tree.isObject()) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is malformed", "A data point is a JSON object.");
        }
        List<Validation> problems = new ArrayList<>();
        RowInput row = JsonRows.row(tree, 1, problems);
        if (row.indicator() != null && !row.indicator().equals(code)) {
            problems.getFirst()
                    .require(false, "indicator", "must be the indicator of the path ('" + code + "') or absent");
        }
        RowInput input = new RowInput(
                1,
                code,
                row.period(),
                row.geography(),
                row.value(),
                row.numerator(),
                row.denominator(),
                row.status(),
                row.source(),
                row.reason());
        String key = IdempotentRequests.validKey(idempotencyKey);
        return dataPoints
                .ingest(
                        List.of(input),
                        problems,
                        callers.current(partnership),
                        key,
                        IdempotentRequests.hash(
                                "POST", "/api/indicators/" + code + "/data-points", MediaType.APPLICATION_JSON, body),
                        outcomes -> {
                            DataPoints.RowOutcome outcome = outcomes.getFirst();
                            DataPointEvent current = outcome.current();
                            String location = UriBuilder.fromPath(
                                            "/api/indicators/{code}/data-points/{geography}/{period}")
                                    .queryParam("source", current.source())
                                    .build(
                                            code,
                                            current.geography(),
                                            outcome.submission().period().pathId())
                                    .toString();
                            return new Answer(
                                    outcome.event() == null ? 200 : 201,
                                    MediaType.APPLICATION_JSON,
                                    outcome.event() == null ? null : location,
                                    write(call.json(), DataPointView.of(current)));
                        })
                .map(ingested -> IdempotentRequests.response(ingested.answer(), ingested.replayed()));
    }

    /** The series: current values of the indicator's data points, with every revision when {@code revisions=true}. */
    @GET
    @RolesAllowed(READER)
    public Uni<List<SeriesPoint>> list(
            @PathParam("code") String code,
            @QueryParam("partnership") String partnership,
            @QueryParam("geography") String geography,
            @QueryParam("source") String source,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("revisions") boolean withRevisions) {
        if (geography != null && !GssCode.isValid(geography)) {
            throw badQuery("geography must be a GSS code such as E07000082.");
        }
        return dataPoints
                .list(
                        call.partnership(partnership),
                        code,
                        geography,
                        blankToNull(source),
                        queryPeriod("from", from),
                        queryPeriod("to", to))
                .flatMap(rows -> (withRevisions
                                ? dataPoints.revisions(rows)
                                : Uni.createFrom().item(Map.<String, List<StoredEvent>>of()))
                        .map(revisions -> rows.stream()
                                .map(r -> SeriesPoint.of(
                                        r,
                                        withRevisions
                                                ? revisions.getOrDefault(r.streamId(), List.of()).stream()
                                                        .map(Revision::of)
                                                        .toList()
                                                : null))
                                .toList()));
    }

    /**
     * One data point and every revision of it ("what was reported when"), with its stream version as ETag. {@code source}
     * picks the source when more than one has reported the point.
     */
    @GET
    @Path("{geography}/{period}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The data point with every revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesPoint.class)))
    public Uni<Response> history(
            @PathParam("code") String code,
            @PathParam("geography") String geography,
            @PathParam("period") String period,
            @QueryParam("partnership") String partnership,
            @QueryParam("source") String source) {
        ReportingPeriod parsed =
                ReportingPeriod.parse(period).orElseThrow(() -> ProblemException.notFound("Data point", period));
        return dataPoints
                .list(call.partnership(partnership), code, geography, blankToNull(source), parsed, parsed)
                .flatMap(rows -> {
                    List<DataPointRow> matching = rows.stream()
                            .filter(r -> r.period().equals(parsed.label()))
                            .toList();
                    if (matching.isEmpty()) {
                        throw ProblemException.notFound("Data point", code + " " + geography + " " + parsed.label());
                    }
                    if (matching.size() > 1) {
                        throw badQuery("Several sources reported this data point "
                                + matching.stream().map(DataPointRow::source).toList() + "; name one with ?source=.");
                    }
                    DataPointRow row = matching.getFirst();
                    return dataPoints
                            .revisions(List.of(row))
                            .map(revisions -> Response.ok(SeriesPoint.of(
                                            row,
                                            revisions.getOrDefault(row.streamId(), List.of()).stream()
                                                    .map(Revision::of)
                                                    .toList()))
                                    .tag(Long.toString(row.version()))
                                    .build());
                });
    }

    static String write(ObjectMapper json, Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ReportingPeriod queryPeriod(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ReportingPeriod.parse(value)
                .orElseThrow(() -> badQuery(name + " must be a period such as 2024-08, 2024-25-Q2 or 2024-25."));
    }

    static ProblemException badQuery(String detail) {
        return new ProblemException(400, "invalid-query", "Invalid query parameter", detail);
    }
}
