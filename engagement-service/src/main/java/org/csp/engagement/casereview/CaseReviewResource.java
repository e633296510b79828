package org.csp.engagement.casereview;

import static org.csp.security.Roles.ADMINISTRATOR;
import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;

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
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.csp.calendar.UkCalendar;
import org.csp.codes.Coded;
import org.csp.engagement.Aliased;
import org.csp.engagement.FreeTextOrganisations;
import org.csp.engagement.casereview.CaseReviewCommand.Close;
import org.csp.engagement.casereview.CaseReviewCommand.DecideThreshold;
import org.csp.engagement.casereview.CaseReviewCommand.HoldMeeting;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewCommand.RecordRecommendations;
import org.csp.engagement.casereview.CaseReviewTable.CaseReviewRow;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * ASB case reviews (formerly community trigger): coordinator and engagement officers only. Bodies carry a case
 * reference, dates, the decision, agencies, recommendations and outcome; free text that identifies a person is
 * refused, and what is kept is sealed with the case's key (see {@link CaseReviewKeys}).
 */
@Path("/api/case-reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
public class CaseReviewResource {

    static final int MAX_REFERENCE = 40;
    /** The most organisations an application or a meeting names. */
    static final int MAX_ORGANISATIONS = 30;
    /** The longest organisation name: {@link FreeTextOrganisations} checks it. */
    static final int MAX_ORGANISATION_NAME = 200;

    static final int MAX_THRESHOLD = 300;
    /** The longest reason of a decision, or summary of a closure. */
    static final int MAX_TEXT = 4000;
    /** The most recommendations. */
    static final int MAX_RECOMMENDATIONS = 50;

    static final int MAX_RECOMMENDATION = 2000;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2," + (MAX_REFERENCE - 1) + "}");

    private final CaseReviews reviews;
    private final CaseReviewRetention retention;
    private final ApiCall call;

    public CaseReviewResource(CaseReviews reviews, CaseReviewRetention retention, ApiCall call) {
        this.reviews = reviews;
        this.retention = retention;
        this.call = call;
    }

    /**
     * The body of {@code POST /api/case-reviews}. {@code organisationNames}: the organisations involved, as free-text
     * names (not yet checked against the organisation registry).
     */
    public record ApplicationRequest(
            @Schema(maxLength = MAX_REFERENCE, description = "Letters, digits and hyphens, such as ASB-CR-2024-007")
            String caseReference,

            @Schema(maxLength = UkCalendar.DATE_LENGTH) String receivedOn,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = OrganisationName.class,
                    maxItems = MAX_ORGANISATIONS,
                    description = "The organisations involved, at most " + MAX_ORGANISATIONS)
            List<String> organisationNames,

            @Schema(
                    deprecated = true,
                    description = "The former name of organisationNames",
                    type = SchemaType.ARRAY,
                    implementation = OrganisationName.class,
                    maxItems = MAX_ORGANISATIONS)
            List<String> agencies) {}

    public record DecisionRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String decidedOn,
            Boolean met,
            @Schema(maxLength = MAX_THRESHOLD) String threshold,
            @Schema(maxLength = MAX_TEXT) String reason) {}

    /** {@code organisationNames}: the organisations at the meeting, as free-text names. */
    public record MeetingRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String heldOn,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = OrganisationName.class,
                    maxItems = MAX_ORGANISATIONS,
                    description = "The organisations at the meeting, at most " + MAX_ORGANISATIONS)
            List<String> organisationNames,

            @Schema(
                    deprecated = true,
                    description = "The former name of organisationNames",
                    type = SchemaType.ARRAY,
                    implementation = OrganisationName.class,
                    maxItems = MAX_ORGANISATIONS)
            List<String> agencies) {}

    public record RecommendationsRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String recordedOn,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Recommendation.class,
                    maxItems = MAX_RECOMMENDATIONS,
                    description = "1 to " + MAX_RECOMMENDATIONS + " recommendations")
            List<String> recommendations) {}

    public record CloseRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String closedOn,
            @Schema(maxLength = Coded.MAX_LENGTH) String outcome,
            @Schema(maxLength = MAX_TEXT) String summary) {}

    /** An organisation's free-text name as the OpenAPI document shows it. */
    @Schema(name = "OrganisationName", type = SchemaType.STRING, maxLength = MAX_ORGANISATION_NAME)
    interface OrganisationName {}

    /** A recommendation as the OpenAPI document shows it. */
    @Schema(name = "Recommendation", type = SchemaType.STRING, maxLength = MAX_RECOMMENDATION)
    interface Recommendation {}

    /** The threshold decision; {@code reason} is null once the free text was removed. */
    public record DecisionView(LocalDate decidedOn, boolean met, String threshold, String reason) {
        static DecisionView of(CaseReview.Decided decided, CaseReviewKeys.Key key) {
            CaseReview.Decision d = decided.decision();
            return new DecisionView(d.decidedOn(), decided.met(), d.threshold(), key.open(d.reason()));
        }
    }

    /** The review meeting; {@code organisationNames} are free-text names. */
    public record MeetingView(LocalDate heldOn, List<String> organisationNames) {
        static MeetingView of(CaseReview.Meeting m) {
            return new MeetingView(m.heldOn(), m.agencies());
        }
    }

    /** The recommendations: how many, and their texts (null once the free text was removed). */
    public record RecommendationsView(LocalDate recordedOn, int count, List<String> texts) {
        static RecommendationsView of(CaseReview.Recommendations r, CaseReviewKeys.Key key) {
            return new RecommendationsView(
                    r.recordedOn(),
                    r.texts().size(),
                    key.destroyed() ? null : r.texts().stream().map(key::open).toList());
        }
    }

    /** How the review ended; {@code summary} is null once the free text was removed. */
    public record ClosureView(LocalDate closedOn, String outcome, String summary) {
        static ClosureView of(CaseReview.Closure c, CaseReviewKeys.Key key) {
            return new ClosureView(c.closedOn(), c.outcome(), key.open(c.summary()));
        }
    }

    /** Days from the application to the threshold decision and to closure (null until then). */
    public record TimelinessView(Long daysToDecision, Long daysToClosure) {
        static TimelinessView of(LocalDate receivedOn, DecisionView decision, ClosureView closure) {
            return new TimelinessView(
                    decision == null ? null : ChronoUnit.DAYS.between(receivedOn, decision.decidedOn()),
                    closure == null ? null : ChronoUnit.DAYS.between(receivedOn, closure.closedOn()));
        }
    }

    /**
     * A case review. {@code organisationNames}: the organisations involved, as free-text names. Its free text reads
     * null with {@code freeTextRemoved} once the retention policy destroyed the case's key; everything else stays.
     */
    public record CaseReviewView(
            String caseReference,
            String status,
            LocalDate receivedOn,
            List<String> organisationNames,
            DecisionView decision,
            MeetingView meeting,
            RecommendationsView recommendations,
            ClosureView closure,
            TimelinessView timeliness,
            boolean freeTextRemoved,
            long version) {
        static CaseReviewView of(CaseReviewRow row) {
            CaseReview.Open reached = row.state().reached();
            CaseReview.Application application = reached.application();
            CaseReviewKeys.Key key = row.key();
            DecisionView decision =
                    reached instanceof CaseReview.Decided decided ? DecisionView.of(decided, key) : null;
            ClosureView closure =
                    row.state() instanceof CaseReview.Closed closed ? ClosureView.of(closed.closure(), key) : null;
            return new CaseReviewView(
                    application.caseReference(),
                    row.state().status(),
                    application.receivedOn(),
                    application.agencies(),
                    decision,
                    reached instanceof CaseReview.Reviewed reviewed ? MeetingView.of(reviewed.meeting()) : null,
                    reached instanceof CaseReview.RecommendationsRecorded recorded
                            ? RecommendationsView.of(recorded.recommendations(), key)
                            : null,
                    closure,
                    TimelinessView.of(application.receivedOn(), decision, closure),
                    key.destroyed(),
                    row.version());
        }
    }

    /** What a run of the retention policy did: the cut-off (reviews closed before it) and how many reviews' text it removed. */
    public record RetentionRunView(Period retention, LocalDate closedBefore, long removed) {
        static RetentionRunView of(CaseReviewRetention.Run run) {
            return new RetentionRunView(run.retention(), run.closedBefore(), run.removed());
        }
    }

    @GET
    public Uni<List<CaseReviewView>> list(@QueryParam("partnership") String partnership) {
        return reviews.list(call.partnership(partnership))
                .map(rows -> rows.stream().map(CaseReviewView::of).toList());
    }

    @GET
    @Path("{reference}")
    @APIResponse(
            responseCode = "200",
            description = "The case review",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> get(@PathParam("reference") String reference, @QueryParam("partnership") String partnership) {
        return reviews.get(call.partnership(partnership), reference)
                .map(row -> Response.ok(CaseReviewView.of(row))
                        .tag(Long.toString(row.version()))
                        .build());
    }

    /** An application was received ({@code engagement.review.received.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "The case review, received",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> receive(@QueryParam("partnership") String partnership, ApplicationRequest body) {
        Validation v = Validation.of(body);
        String reference = v.parse(
                body.caseReference(),
                "caseReference",
                MAX_REFERENCE,
                r -> REFERENCE.matcher(r).matches() ? r : null,
                "a case reference of 3 to 40 letters, digits and hyphens, such as ASB-CR-2024-007");
        LocalDate receivedOn = date(v, body.receivedOn(), "receivedOn");
        List<String> agencies = organisationNames(v, body.organisationNames(), body.agencies());
        v.throwIfInvalid();
        String p = call.partnership(partnership);
        return reviews.receive(p, new ReceiveApplication(reference, receivedOn, agencies), call.actor())
                .flatMap(outcome -> reviews.get(p, reference))
                .map(row -> Response.status(Response.Status.CREATED)
                        .header("Location", "/api/case-reviews/" + reference)
                        .tag(Long.toString(row.version()))
                        .entity(CaseReviewView.of(row))
                        .build());
    }

    /** The threshold decision, met or not, with the threshold applied and the reason ({@code …threshold-decided.v1}). */
    @POST
    @Path("{reference}/threshold-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The case review with its threshold decision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> decide(
            @PathParam("reference") String reference,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            DecisionRequest body) {
        Validation v = Validation.of(body);
        LocalDate decidedOn = date(v, body.decidedOn(), "decidedOn");
        v.require(body.met() != null, "met", "is required: true when the threshold is met");
        String threshold = v.publicText(body.threshold(), "threshold", MAX_THRESHOLD);
        String reason = v.publicText(body.reason(), "reason", MAX_TEXT);
        v.throwIfInvalid();
        return step(
                reference,
                partnership,
                ifMatch,
                key -> new DecideThreshold(reference, decidedOn, body.met(), threshold, key.seal(reason)));
    }

    /** The review meeting took place ({@code …meeting-held.v1}). */
    @POST
    @Path("{reference}/meeting")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The case review with its meeting",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> meeting(
            @PathParam("reference") String reference,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            MeetingRequest body) {
        Validation v = Validation.of(body);
        LocalDate heldOn = date(v, body.heldOn(), "heldOn");
        List<String> agencies = organisationNames(v, body.organisationNames(), body.agencies());
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch, key -> new HoldMeeting(reference, heldOn, agencies));
    }

    /** The review's recommendations ({@code …recommendations-recorded.v1}). */
    @POST
    @Path("{reference}/recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The case review with its recommendations",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> recommendations(
            @PathParam("reference") String reference,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            RecommendationsRequest body) {
        Validation v = Validation.of(body);
        LocalDate recordedOn = date(v, body.recordedOn(), "recordedOn");
        List<String> texts = new ArrayList<>();
        List<String> given = body.recommendations() == null ? List.of() : body.recommendations();
        v.require(
                !given.isEmpty() && given.size() <= MAX_RECOMMENDATIONS,
                "recommendations",
                "must list 1 to " + MAX_RECOMMENDATIONS + " recommendations");
        for (int i = 0; i < given.size() && i < MAX_RECOMMENDATIONS; i++) {
            texts.add(v.publicText(given.get(i), "recommendations[" + i + "]", MAX_RECOMMENDATION));
        }
        v.throwIfInvalid();
        return step(
                reference,
                partnership,
                ifMatch,
                key -> new RecordRecommendations(
                        reference, recordedOn, texts.stream().map(key::seal).toList()));
    }

    /** Closes the review with its outcome ({@code engagement.review.closed.v1}). */
    @POST
    @Path("{reference}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The case review, closed",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseReviewView.class)))
    public Uni<Response> close(
            @PathParam("reference") String reference,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            CloseRequest body) {
        Validation v = Validation.of(body);
        LocalDate closedOn = date(v, body.closedOn(), "closedOn");
        CaseReviewOutcome outcome = v.parse(
                body.outcome(),
                "outcome",
                Coded.MAX_LENGTH,
                CaseReviewOutcome::of,
                "one of " + CaseReviewOutcome.codes());
        String summary = v.optionalPublicText(body.summary(), "summary", MAX_TEXT);
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch, key -> new Close(reference, closedOn, outcome, key.seal(summary)));
    }

    /** Runs the retention policy now (an administrator: it spans every partnership); the same run happens at start and daily. */
    @POST
    @Path("retention")
    @RolesAllowed(ADMINISTRATOR)
    public Uni<RetentionRunView> runRetention() {
        return retention.run().map(RetentionRunView::of);
    }

    private Uni<Response> step(
            String reference,
            String partnership,
            String ifMatch,
            Function<CaseReviewKeys.Key, CaseReviewCommand> command) {
        long version = ETags.requireIfMatch(ifMatch);
        String p = call.partnership(partnership);
        return reviews.step(p, reference, version, command, call.actor())
                .flatMap(outcome -> reviews.get(p, reference))
                .map(row -> Response.ok(CaseReviewView.of(row))
                        .tag(Long.toString(row.version()))
                        .build());
    }

    private LocalDate date(Validation v, String text, String field) {
        LocalDate date = v.parse(text, field, UkCalendar.DATE_LENGTH, LocalDate::parse, "a date such as 2024-09-02");
        if (date != null && (date.getYear() < 2000 || date.isAfter(call.today()))) {
            v.require(false, field, "must be a date from 2000 up to today");
            return null;
        }
        return date;
    }

    private static List<String> organisationNames(Validation v, List<String> organisationNames, List<String> agencies) {
        return FreeTextOrganisations.check(
                v, Aliased.of(v, "organisationNames", organisationNames, "agencies", agencies), MAX_ORGANISATIONS);
    }
}
