package org.csp.measures.datapoint;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.StoredEvent;
import org.csp.http.Partnerships;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.ORG_CLAIM;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

@Path("/api/indicators/{code}/data-points")
@Produces(MediaType.APPLICATION_JSON)
public class DataPointResource {

    /** GSS codes: a letter for the nation and eight digits, e.g. E07000082 for Stroud district. */
    private static final Pattern GSS = Pattern.compile("[EWSNK]\\d{8}");

    private final DataPoints dataPoints;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public DataPointResource(DataPoints dataPoints, Partnerships partnerships, JsonWebToken token, SecurityIdentity identity) {
        this.dataPoints = dataPoints;
        this.partnerships = partnerships;
        this.token = token;
        this.identity = identity;
    }

    /** The body of {@code POST …/data-points}. */
    public record DataPointRequest(String period, String geography, BigDecimal value, String status, String source) {
    }

    /** A recorded revision, as the answer to a post. */
    public record DataPointView(String indicator, String period, String geography, BigDecimal value, String status,
                                String source, String submittedBy, int revision) {
        static DataPointView of(DataPointRecorded r) {
            return new DataPointView(r.indicatorCode(), r.period(), r.geography(), r.value(), r.status(), r.source(),
                    r.submittedBy(), r.revision());
        }
    }

    /** The current revision of a data point, as the list shows it. */
    public record CurrentDataPointView(String indicator, String period, String geography, BigDecimal value, String status,
                                       String source, String submittedBy, int revision, OffsetDateTime recordedAt) {
        static CurrentDataPointView of(DataPointRow r) {
            return new CurrentDataPointView(r.indicator(), r.period(), r.geography(), r.value(), r.status(), r.source(),
                    r.submittedBy(), r.revision(), r.recordedAt());
        }
    }

    public record Revision(int revision, BigDecimal value, String status, String source, String submittedBy,
                           String submittedBySubject, OffsetDateTime recordedAt) {
    }

    public record DataPointHistory(String indicator, String period, String geography, BigDecimal value, String status,
                                   String source, int revision, List<Revision> revisions) {
    }

    /**
     * Appends {@code measures.measure.recorded.v1}: 201 with a new revision, or 200 when the value, status and
     * source are already the current revision (a retry changes nothing).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, PARTNER_AGENCY})
    public Uni<Response> record(@PathParam("code") String code, @QueryParam("partnership") String partnership,
                                DataPointRequest body) {
        DataPoints.Submission submission = validate(code, body);
        String partnerOrganisation = null;
        if (!identity.hasRole(COORDINATOR)) {
            partnerOrganisation = token.getClaim(ORG_CLAIM);
            if (partnerOrganisation == null || partnerOrganisation.isBlank()) {
                throw ProblemException.forbidden("The client's token carries no '" + ORG_CLAIM + "' claim naming its organisation.");
            }
        }
        return dataPoints.record(partnerships.resolve(partnership), submission, partnerOrganisation, Actor.of(token))
                .map(outcome -> {
                    DataPointRecorded current = outcome.state().latest();
                    var view = DataPointView.of(current);
                    if (!outcome.changed()) {
                        return Response.ok(view).build();
                    }
                    return Response.created(UriBuilder.fromPath("/api/indicators/{code}/data-points/{geography}/{period}")
                            .build(code, current.geography(), submission.period().pathId())).entity(view).build();
                });
    }

    @GET
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<CurrentDataPointView>> list(@PathParam("code") String code, @QueryParam("partnership") String partnership,
                                                  @QueryParam("geography") String geography,
                                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        if (geography != null && !GSS.matcher(geography).matches()) {
            throw badQuery("geography must be a GSS code such as E07000082.");
        }
        return dataPoints.list(partnerships.resolve(partnership), code, geography, queryPeriod("from", from), queryPeriod("to", to))
                .map(rows -> rows.stream().map(CurrentDataPointView::of).toList());
    }

    @GET
    @Path("{geography}/{period}")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<DataPointHistory> history(@PathParam("code") String code, @PathParam("geography") String geography,
                                         @PathParam("period") String period, @QueryParam("partnership") String partnership) {
        Period parsed = Period.parse(period).orElseThrow(() -> ProblemException.notFound("Data point", period));
        return dataPoints.history(partnerships.resolve(partnership), code, geography, parsed).map(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound("Data point", code + " " + geography + " " + parsed.label());
            }
            List<Revision> revisions = events.stream().map(DataPointResource::revision).toList();
            DataPointRecorded latest = (DataPointRecorded) DataPointEvent.TYPES.decode(events.getLast());
            return new DataPointHistory(code, latest.period(), geography, latest.value(), latest.status(), latest.source(),
                    latest.revision(), revisions);
        });
    }

    private static Revision revision(StoredEvent event) {
        DataPointRecorded r = (DataPointRecorded) DataPointEvent.TYPES.decode(event);
        return new Revision(r.revision(), r.value(), r.status(), r.source(), r.submittedBy(), event.actor().subject(),
                event.occurredAt());
    }

    private static DataPoints.Submission validate(String code, DataPointRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        Period period = v.parse(body.period(), "period", p -> Period.parse(p).orElse(null),
                "a month (\"2024-08\"), a financial quarter (\"2024/25 Q2\") or a financial year (\"2024/25\")");
        String geography = v.parse(body.geography(), "geography", g -> GSS.matcher(g).matches() ? g : null,
                "a GSS code such as E07000082");
        v.require(body.value() != null, "value", "is required (a number)");
        DataStatus status = body.status() == null ? DataStatus.PROVISIONAL
                : v.parse(body.status(), "status", DataStatus::of, "provisional or final");
        String source = v.optionalText(body.source(), "source", 100);
        v.throwIfInvalid();
        return new DataPoints.Submission(code, period, geography, body.value(), status, source);
    }

    private static Period queryPeriod(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Period.parse(value).orElseThrow(() -> badQuery(name + " must be a period such as 2024-08, 2024-25-Q2 or 2024-25."));
    }

    private static ProblemException badQuery(String detail) {
        return new ProblemException(400, "invalid-query", "Invalid query parameter", detail);
    }
}
