package org.csp.engagement.casereview;

import org.csp.calendar.UkCalendar;
import java.time.Clock;
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
import org.csp.engagement.casereview.CaseReviewCommand.Close;
import org.csp.engagement.casereview.CaseReviewCommand.DecideThreshold;
import org.csp.engagement.casereview.CaseReviewCommand.HoldMeeting;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewCommand.RecordRecommendations;
import org.csp.engagement.casereview.CaseReviewTable.CaseReviewRow;
import org.csp.eventsourcing.Actor;
import org.csp.http.ETags;
import org.csp.http.Partnerships;
import org.csp.problem.Validation;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;

/**
 * ASB case reviews (formerly community trigger): coordinator and engagement officers only. Bodies carry a case
 * reference, dates, the decision, agencies, recommendations and outcome; free text that identifies a person is
 * refused, and what is kept is sealed with the case's key (see {@link CaseReviewKeys}).
 */
@Path("/api/case-reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
public class CaseReviewResource {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");

    private final CaseReviews reviews;
    private final CaseReviewRetention retention;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final Clock clock;

    public CaseReviewResource(CaseReviews reviews, CaseReviewRetention retention, Partnerships partnerships, JsonWebToken token,
                              Clock clock) {
        this.reviews = reviews;
        this.retention = retention;
        this.partnerships = partnerships;
        this.token = token;
        this.clock = clock;
    }

    public record ApplicationRequest(String caseReference, String receivedOn, List<String> agencies) {
    }

    public record DecisionRequest(String decidedOn, Boolean met, String threshold, String reason) {
    }

    public record MeetingRequest(String heldOn, List<String> agencies) {
    }

    public record RecommendationsRequest(String recordedOn, List<String> recommendations) {
    }

    public record CloseRequest(String closedOn, String outcome, String summary) {
    }

    public record Decision(LocalDate decidedOn, boolean met, String threshold, String reason) {
    }

    public record Meeting(LocalDate heldOn, List<String> agencies) {
    }

    public record Recommendations(LocalDate recordedOn, int count, List<String> texts) {
    }

    public record Closure(LocalDate closedOn, String outcome, String summary) {
    }

    /** Days from the application to the threshold decision and to closure (null until then). */
    public record Timeliness(Long daysToDecision, Long daysToClosure) {
    }

    /**
     * A case review. Its free text reads null with {@code freeTextRemoved} once the retention policy destroyed the
     * case's key; everything else stays.
     */
    public record CaseReviewView(String caseReference, String status, LocalDate receivedOn, List<String> agencies,
                                 Decision decision, Meeting meeting, Recommendations recommendations, Closure closure,
                                 Timeliness timeliness, boolean freeTextRemoved, long version) {
        static CaseReviewView of(CaseReviewRow row) {
            CaseReview r = row.state();
            CaseReviewKeys.Key key = row.key();
            return new CaseReviewView(r.caseReference(), r.status(), r.receivedOn(), r.agencies(),
                    r.decidedOn() == null ? null : new Decision(r.decidedOn(), r.thresholdMet(), r.threshold(), key.open(r.reason())),
                    r.meetingHeldOn() == null ? null : new Meeting(r.meetingHeldOn(), r.meetingAgencies()),
                    r.recommendationsRecordedOn() == null ? null : new Recommendations(r.recommendationsRecordedOn(),
                            r.recommendations().size(), key.destroyed() ? null : r.recommendations().stream().map(key::open).toList()),
                    r.closedOn() == null ? null : new Closure(r.closedOn(), r.outcome(), key.open(r.summary())),
                    new Timeliness(r.decidedOn() == null ? null : ChronoUnit.DAYS.between(r.receivedOn(), r.decidedOn()),
                            r.closedOn() == null ? null : ChronoUnit.DAYS.between(r.receivedOn(), r.closedOn())),
                    key.destroyed(), row.version());
        }
    }

    @GET
    public Uni<List<CaseReviewView>> list(@QueryParam("partnership") String partnership) {
        return reviews.list(partnerships.resolve(partnership)).map(rows -> rows.stream().map(CaseReviewView::of).toList());
    }

    @GET
    @Path("{reference}")
    public Uni<Response> get(@PathParam("reference") String reference, @QueryParam("partnership") String partnership) {
        return reviews.get(partnerships.resolve(partnership), reference)
                .map(row -> Response.ok(CaseReviewView.of(row)).tag(Long.toString(row.version())).build());
    }

    /** An application was received ({@code engagement.review.received.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@QueryParam("partnership") String partnership, ApplicationRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        String reference = v.parse(body.caseReference(), "caseReference", r -> REFERENCE.matcher(r).matches() ? r : null,
                "a case reference of 3 to 40 letters, digits and hyphens, such as ASB-CR-2024-007");
        LocalDate receivedOn = date(v, body.receivedOn(), "receivedOn");
        List<String> agencies = agencies(v, body.agencies(), "agencies");
        v.throwIfInvalid();
        String p = partnerships.resolve(partnership);
        return reviews.receive(p, new ReceiveApplication(reference, receivedOn, agencies), Actor.of(token))
                .flatMap(outcome -> reviews.get(p, reference))
                .map(row -> Response.status(Response.Status.CREATED).header("Location", "/api/case-reviews/" + reference)
                        .tag(Long.toString(row.version())).entity(CaseReviewView.of(row)).build());
    }

    /** The threshold decision, met or not, with the threshold applied and the reason ({@code …threshold-decided.v1}). */
    @POST
    @Path("{reference}/threshold-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> decide(@PathParam("reference") String reference, @QueryParam("partnership") String partnership,
                                @HeaderParam("If-Match") String ifMatch, DecisionRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        LocalDate decidedOn = date(v, body.decidedOn(), "decidedOn");
        v.require(body.met() != null, "met", "is required: true when the threshold is met");
        String threshold = v.publicText(body.threshold(), "threshold", 300);
        String reason = v.publicText(body.reason(), "reason", 4000);
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch,
                key -> new DecideThreshold(reference, decidedOn, body.met(), threshold, key.seal(reason)));
    }

    /** The review meeting took place ({@code …meeting-held.v1}). */
    @POST
    @Path("{reference}/meeting")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> meeting(@PathParam("reference") String reference, @QueryParam("partnership") String partnership,
                                 @HeaderParam("If-Match") String ifMatch, MeetingRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        LocalDate heldOn = date(v, body.heldOn(), "heldOn");
        List<String> agencies = agencies(v, body.agencies(), "agencies");
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch, key -> new HoldMeeting(reference, heldOn, agencies));
    }

    /** The review's recommendations ({@code …recommendations-recorded.v1}). */
    @POST
    @Path("{reference}/recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> recommendations(@PathParam("reference") String reference, @QueryParam("partnership") String partnership,
                                         @HeaderParam("If-Match") String ifMatch, RecommendationsRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        LocalDate recordedOn = date(v, body.recordedOn(), "recordedOn");
        List<String> texts = new ArrayList<>();
        List<String> given = body.recommendations() == null ? List.of() : body.recommendations();
        v.require(!given.isEmpty() && given.size() <= 50, "recommendations", "must list 1 to 50 recommendations");
        for (int i = 0; i < given.size() && i < 50; i++) {
            texts.add(v.publicText(given.get(i), "recommendations[" + i + "]", 2000));
        }
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch,
                key -> new RecordRecommendations(reference, recordedOn, texts.stream().map(key::seal).toList()));
    }

    /** Closes the review with its outcome ({@code engagement.review.closed.v1}). */
    @POST
    @Path("{reference}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> close(@PathParam("reference") String reference, @QueryParam("partnership") String partnership,
                               @HeaderParam("If-Match") String ifMatch, CloseRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        LocalDate closedOn = date(v, body.closedOn(), "closedOn");
        CaseReviewOutcome outcome = v.parse(body.outcome(), "outcome", CaseReviewOutcome::of, "one of " + CaseReviewOutcome.codes());
        String summary = v.optionalPublicText(body.summary(), "summary", 4000);
        v.throwIfInvalid();
        return step(reference, partnership, ifMatch, key -> new Close(reference, closedOn, outcome, key.seal(summary)));
    }

    /** Runs the retention policy now (coordinator); the same run happens at start and daily. */
    @POST
    @Path("retention")
    @RolesAllowed(COORDINATOR)
    public Uni<CaseReviewRetention.Run> runRetention() {
        return retention.run();
    }

    private Uni<Response> step(String reference, String partnership, String ifMatch,
                               Function<CaseReviewKeys.Key, CaseReviewCommand> command) {
        long version = ETags.requireIfMatch(ifMatch);
        String p = partnerships.resolve(partnership);
        return reviews.step(p, reference, version, command, Actor.of(token))
                .flatMap(outcome -> reviews.get(p, reference))
                .map(row -> Response.ok(CaseReviewView.of(row)).tag(Long.toString(row.version())).build());
    }

    private LocalDate date(Validation v, String text, String field) {
        LocalDate date = v.parse(text, field, LocalDate::parse, "a date such as 2024-09-02");
        if (date != null && (date.getYear() < 2000 || date.isAfter(UkCalendar.today(clock)))) {
            v.require(false, field, "must be a date from 2000 up to today");
            return null;
        }
        return date;
    }

    private static List<String> agencies(Validation v, List<String> given, String field) {
        List<String> agencies = new ArrayList<>();
        if (given != null) {
            v.require(given.size() <= 30, field, "must list at most 30 agencies");
            for (int i = 0; i < given.size() && i < 30; i++) {
                String agency = v.publicText(given.get(i), field + "[" + i + "]", 200);
                if (agency != null && !agencies.contains(agency)) {
                    agencies.add(agency);
                }
            }
        }
        return List.copyOf(agencies);
    }
}
