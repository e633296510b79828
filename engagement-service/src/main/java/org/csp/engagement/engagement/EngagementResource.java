package org.csp.engagement.engagement;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.READER;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.UkCalendar;
import org.csp.engagement.engagement.EngagementCommand.AddFollowUp;
import org.csp.engagement.engagement.EngagementCommand.AmendEngagement;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementCommand.WithdrawEngagement;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.FollowUpAdded;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;
import org.csp.http.MergePatch;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Community engagement records: recorded (idempotent with an Idempotency-Key), amended, withdrawn, followed up. */
@Path("/api/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private final Engagements engagements;
    private final ApiCall call;

    public EngagementResource(Engagements engagements, ApiCall call) {
        this.engagements = engagements;
        this.call = call;
    }

    /** The longest reason to withdraw a record, and what "you said" or "we did" says. */
    static final int MAX_TEXT = 2000;

    /** The body of {@code POST /api/engagements/{id}/withdraw}. */
    public record WithdrawRequest(
            @Schema(maxLength = MAX_TEXT) String reason) {}

    /** The body of {@code POST /api/engagements/{id}/follow-ups}: "you said, we did". */
    public record FollowUpRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH, description = "A date such as 2024-10-01")
            String addedOn,

            @Schema(maxLength = MAX_TEXT) String youSaid,
            @Schema(maxLength = MAX_TEXT) String weDid) {}

    /**
     * An engagement record as the API shows it: {@code quarter} is the financial quarter of {@code startDate};
     * organisations by their registry ids with their names beside them (a record from before organisations were
     * checked has names alone).
     */
    public record EngagementView(
            String id,
            String type,
            String title,
            LocalDate startDate,
            LocalDate endDate,
            String quarter,
            PlaceView place,
            List<Integer> priorities,
            List<String> initiatives,
            String leadOrganisation,
            String leadOrganisationName,
            List<String> organisations,
            List<String> organisationNames,
            String audience,
            Integer attendance,
            Integer reach,
            String outcomes,
            List<FollowUpView> followUps,
            boolean withdrawn,
            String withdrawnReason,
            long version) {
        static EngagementView of(Engagement e, long version) {
            Details d = e.details();
            return new EngagementView(
                    e.id(),
                    d.type(),
                    d.title(),
                    d.startDate(),
                    d.endDate(),
                    FinancialQuarter.of(d.startDate()).label(),
                    PlaceView.of(d.place()),
                    d.priorities(),
                    d.initiatives(),
                    d.leadOrganisation(),
                    d.leadOrganisationName(),
                    d.organisations(),
                    d.organisationNames(),
                    d.audience(),
                    d.attendance(),
                    d.reach(),
                    d.outcomes(),
                    e.followUps().stream().map(FollowUpView::of).toList(),
                    e.withdrawn(),
                    e.withdrawnReason(),
                    version);
        }
    }

    /**
     * Where: {@code level} ward, parish or district with its GSS code and name; a record from before places were
     * coded has only {@code name}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceView(String level, String gss, String name) {
        static PlaceView of(Place place) {
            return place == null ? null : new PlaceView(place.level(), place.gss(), place.name());
        }
    }

    /** "You said, we did", added on a date after the engagement. */
    public record FollowUpView(LocalDate addedOn, String youSaid, String weDid) {
        static FollowUpView of(FollowUpAdded f) {
            return new FollowUpView(f.addedOn(), f.youSaid(), f.weDid());
        }
    }

    /**
     * Appends {@code engagement.activity.recorded.v2}: 201 with the new record's Location. With an
     * {@code Idempotency-Key}, a retry gets the first answer again (200, {@code Idempotent-Replayed: true}, the same
     * body, Location and ETag) and stores nothing more; the same key with another body is a 409.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The same record again (a repeat): nothing changed",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(
            responseCode = "201",
            description = "The record",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Uni<Response> record(
            @QueryParam("partnership") String partnership,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = EngagementRequest.class))) byte[] body) {
        String key = IdempotentRequests.validKey(idempotencyKey);
        JsonNode tree = call.tree(body);
        if (!tree.isObject()) {
            throw new ProblemException(
                    400, "malformed-body", "The request body is malformed", "An engagement record is a JSON object.");
        }
        String p = call.partnership(partnership);
        EngagementRequest.Checked checked =
                call.read(tree, EngagementRequest.class).check();
        String id = UUID.randomUUID().toString();
        String hash =
                IdempotentRequests.hash("POST", "/api/engagements?partnership=" + p, MediaType.APPLICATION_JSON, body);
        return engagements
                .withRegisteredOrganisations(p, checked, null)
                .flatMap(details -> engagements.record(
                        p,
                        new RecordEngagement(id, details, engagements.today()),
                        call.actor(),
                        key,
                        hash,
                        outcome -> new Answer(
                                outcome.changed() ? 201 : 200,
                                MediaType.APPLICATION_JSON,
                                outcome.changed() ? "/api/engagements/" + id : null,
                                Long.toString(outcome.version()),
                                write(EngagementView.of(outcome.state(), outcome.version())))))
                .onFailure()
                .transform(failure -> sentAs(failure, checked.startDateField()))
                .map(answered -> IdempotentRequests.response(answered.answer(), answered.replayed()));
    }

    /**
     * Records of the partnership, oldest first: in one financial {@code quarter}, of one {@code type}, serving one
     * {@code priority}, at one {@code place} (GSS code); withdrawn ones with {@code includeWithdrawn=true}.
     */
    @GET
    @RolesAllowed(READER)
    public Uni<List<EngagementView>> list(
            @QueryParam("partnership") String partnership,
            @QueryParam("quarter") String quarter,
            @QueryParam("type") String type,
            @QueryParam("priority") Integer priority,
            @QueryParam("place") String place,
            @QueryParam("includeWithdrawn") boolean includeWithdrawn) {
        FinancialQuarter q = null;
        if (quarter != null && !quarter.isBlank()) {
            q = FinancialQuarter.parse(quarter)
                    .orElseThrow(() -> new ProblemException(
                            400,
                            "invalid-query",
                            "Invalid query parameter",
                            "quarter must be a financial quarter such as 2024-25-Q2."));
        }
        if (type != null && EngagementType.of(type) == null) {
            throw new ProblemException(
                    400,
                    "invalid-query",
                    "Invalid query parameter",
                    "type must be one of " + EngagementType.codes() + ".");
        }
        EngagementTable.Filter filter = new EngagementTable.Filter(
                q == null ? null : q.firstDay(),
                q == null ? null : q.lastDay(),
                type,
                priority,
                place,
                includeWithdrawn);
        return engagements
                .list(call.partnership(partnership), filter)
                .map(rows -> rows.stream()
                        .map(row -> EngagementView.of(row.state(), row.version()))
                        .toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The record",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return engagements.load(call.partnership(partnership), id).map(loaded -> {
            if (!loaded.state().exists()) {
                throw ProblemException.notFound("Engagement record", id);
            }
            return Response.ok(EngagementView.of(loaded.state(), loaded.version()))
                    .tag(Long.toString(loaded.version()))
                    .build();
        });
    }

    /** Every event of the record: who (subject and client), when, and what changed. */
    @GET
    @Path("{id}/history")
    @RolesAllowed(READER)
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return engagements.history(call.partnership(partnership), id);
    }

    /** Corrects the record with a JSON merge patch of its body ({@code engagement.activity.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The record, corrected",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Uni<Response> amend(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            description = "A JSON merge patch of the record's body",
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = EngagementRequest.class)))
                    byte[] body) {
        long version = ETags.requireIfMatch(ifMatch);
        JsonNode patch = call.tree(body);
        String p = call.partnership(partnership);
        return engagements
                .load(p, id)
                .flatMap(loaded -> {
                    if (!loaded.state().exists()) {
                        throw ProblemException.notFound("Engagement record", id);
                    }
                    EngagementRequest.Checked checked = EngagementRequest.patched(
                                    call.json(), loaded.state().details(), patch)
                            .check();
                    return engagements
                            .withRegisteredOrganisations(
                                    p, checked, loaded.state().details())
                            .flatMap(details -> engagements.handle(
                                    p, new AmendEngagement(id, details, engagements.today()), version, call.actor()))
                            .onFailure()
                            .transform(failure -> sentAs(failure, checked.startDateField()));
                })
                .map(outcome -> respond(outcome.state(), outcome.version()));
    }

    /** Withdraws the record ({@code engagement.activity.withdrawn.v1}); needs If-Match. */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The record, withdrawn",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Uni<Response> withdraw(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            WithdrawRequest body) {
        Validation v = Validation.of(body);
        String reason = v.publicText(body.reason(), "reason", MAX_TEXT);
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return engagements
                .handle(call.partnership(partnership), new WithdrawEngagement(id, reason), version, call.actor())
                .map(outcome -> respond(outcome.state(), outcome.version()));
    }

    /** Adds a "you said, we did" follow-up ({@code engagement.activity.follow-up-added.v1}); needs If-Match. */
    @POST
    @Path("{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The record with the follow-up",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EngagementView.class)))
    public Uni<Response> followUp(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            FollowUpRequest body) {
        Validation v = Validation.of(body);
        LocalDate addedOn = v.parse(
                body.addedOn(), "addedOn", UkCalendar.DATE_LENGTH, LocalDate::parse, "a date such as 2024-10-01");
        v.require(addedOn == null || !addedOn.isAfter(engagements.today()), "addedOn", "must not be in the future");
        String youSaid = v.publicText(body.youSaid(), "youSaid", MAX_TEXT);
        String weDid = v.publicText(body.weDid(), "weDid", MAX_TEXT);
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return engagements
                .handle(
                        call.partnership(partnership),
                        new AddFollowUp(id, addedOn, youSaid, weDid),
                        version,
                        call.actor())
                .map(outcome -> respond(outcome.state(), outcome.version()));
    }

    private static Response respond(Engagement state, long version) {
        return Response.ok(EngagementView.of(state, version))
                .tag(Long.toString(version))
                .build();
    }

    /** The decider names the start date {@code startDate}; a client that sent it as {@code date} gets that name back. */
    private static Throwable sentAs(Throwable failure, String startDateField) {
        if (failure instanceof CommandRejected rejected
                && "startDate".equals(rejected.field())
                && !"startDate".equals(startDateField)) {
            return ProblemException.invalid(List.of(new FieldViolation(startDateField, rejected.getMessage())));
        }
        return failure;
    }

    private String write(EngagementView view) {
        try {
            return call.json().writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an engagement record's view", e);
        }
    }
}
