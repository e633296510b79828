package org.csp.plan.review;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.calendar.FinancialQuarter;
import org.csp.codes.Coded;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.plan.element.Elements;
import org.csp.plan.element.Responses;
import org.csp.plan.element.RetireRequest;
import org.csp.plan.element.States;
import org.csp.plan.initiative.InitiativeResource;
import org.csp.plan.initiative.InitiativeViews;
import org.csp.plan.review.ReviewEvent.Report;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The quarterly review cycle. A quarter in a path is written {@code 2024-25-Q3}. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private static final Pattern PRIORITY = Pattern.compile("[Pp]?(\\d{1,2})");

    private final Reviews reviews;
    private final InitiativeViews initiativeViews;
    private final ApiCall call;

    public ReviewResource(Reviews reviews, InitiativeViews initiativeViews, ApiCall call) {
        this.reviews = reviews;
        this.initiativeViews = initiativeViews;
        this.call = call;
    }

    /** The longest summary of a report. */
    public static final int MAX_SUMMARY = 10_000;

    /** The most initiatives a report gives progress for. */
    public static final int MAX_ENTRIES = 200;

    /** The body of {@code POST /api/reviews}. */
    public record OpenRequest(
            @Schema(maxLength = FinancialQuarter.LENGTH, description = "A financial quarter such as 2024/25 Q3")
            String quarter) {}

    /** The body of {@code PUT /api/reviews/{quarter}/reports/{priority}}: a summary, and progress to report with it. */
    public record ReportRequest(
            @Schema(maxLength = MAX_SUMMARY) String summary,
            @Schema(maxItems = MAX_ENTRIES) List<ReportEntry> initiatives) {}

    /**
     * An initiative's progress for the quarter, reported with the report. {@code initiative} is the deprecated name of
     * {@code initiativeId}, still read for the partner scripts that send it.
     */
    public record ReportEntry(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String initiativeId,

            @Schema(deprecated = true, description = "Deprecated: use initiativeId", maxLength = Elements.MAX_ID)
            String initiative,

            @Schema(maxLength = Coded.MAX_LENGTH) String status,
            @Schema(maxLength = Coded.MAX_LENGTH) String rag,

            @Schema(maxLength = InitiativeResource.MAX_COMMENTARY)
            String commentary) {

        /** The initiative named, by either name; null when none is. */
        String id() {
            return initiativeId != null ? initiativeId : initiative;
        }
    }

    /** The body of {@code POST /api/reviews/{quarter}/reopen}. */
    public record ReopenRequest(
            @Schema(maxLength = RetireRequest.MAX_REASON) String reason) {}

    /** A priority of the review: its title and whether its report is in. */
    public record PriorityStatus(int priority, String title, boolean reported) {}

    /** A priority's report: the sub-group's summary and each initiative as it stood at the end of the quarter. */
    public record ReportView(int priority, String summary, List<ReportedInitiativeView> initiatives) {
        static ReportView of(Report r) {
            return new ReportView(
                    r.priority(),
                    r.summary(),
                    r.initiatives().stream().map(ReportedInitiativeView::of).toList());
        }
    }

    /** An initiative in a report: its status, RAG and commentary for the quarter (null: not reported). */
    public record ReportedInitiativeView(
            String initiativeId, String title, String status, String rag, String commentary) {
        static ReportedInitiativeView of(ReviewEvent.InitiativeState i) {
            return new ReportedInitiativeView(i.initiativeId(), i.title(), i.status(), i.rag(), i.commentary());
        }
    }

    public record ReviewView(
            String id,
            String quarter,
            String status,
            List<PriorityStatus> priorities,
            List<ReportView> reports,
            List<PriorityStatus> missingReports,
            List<String> reopenReasons,
            long version) {}

    @GET
    @RolesAllowed(READER)
    public Uni<List<ReviewView>> list(@QueryParam("partnership") String partnership) {
        String partnershipId = call.partnership(partnership);
        return initiativeViews
                .names(partnershipId)
                .flatMap(names -> reviews.list(partnershipId)
                        .map(rows -> rows.stream().map(row -> view(row, names)).toList()));
    }

    /** A review's state, its reports, and the reports still missing per priority. */
    @GET
    @Path("{quarter}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The review",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Uni<Response> get(@PathParam("quarter") String quarter, @QueryParam("partnership") String partnership) {
        String partnershipId = call.partnership(partnership);
        FinancialQuarter q = quarter(quarter);
        return initiativeViews
                .names(partnershipId)
                .flatMap(names ->
                        reviews.get(partnershipId, q).map(row -> Responses.ok(view(row, names), row.version())));
    }

    @GET
    @Path("{quarter}/history")
    @RolesAllowed(READER)
    public Uni<List<History.Entry>> history(
            @PathParam("quarter") String quarter, @QueryParam("partnership") String partnership) {
        return reviews.history(call.partnership(partnership), quarter(quarter).pathId());
    }

    /** Opens the review of a financial-year quarter ({@code plan.quarterly-review.opened.v1}); 409 if it has one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The review opened",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Uni<Response> open(@QueryParam("partnership") String partnership, OpenRequest body) {
        Validation v = Validation.of(body);
        FinancialQuarter q = v.parse(
                body.quarter(),
                "quarter",
                FinancialQuarter.LENGTH,
                text -> FinancialQuarter.parse(text).orElse(null),
                "a financial quarter such as \"2024/25 Q3\"");
        v.throwIfInvalid();
        String partnershipId = call.partnership(partnership);
        return reviews.open(partnershipId, q, call.actor())
                .flatMap(outcome -> respond(partnershipId, q))
                .map(view -> Responses.created("/api/reviews/" + view.id(), view, view.version()));
    }

    /** Submits a priority's report ({@code plan.quarterly-review.report-submitted.v1}); a lead for their own priority only. */
    @PUT
    @Path("{quarter}/reports/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD})
    @APIResponse(
            responseCode = "200",
            description = "The review with the report",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Uni<Response> submit(
            @PathParam("quarter") String quarter,
            @PathParam("priority") String priority,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            ReportRequest body) {
        FinancialQuarter q = quarter(quarter);
        var matcher = PRIORITY.matcher(priority);
        if (!matcher.matches()) {
            throw ProblemException.notFound("Priority", priority);
        }
        int number = Integer.parseInt(matcher.group(1));
        Validation v = Validation.of(body);
        String summary = v.publicText(body.summary(), "summary", MAX_SUMMARY);
        List<ReportEntry> entries = v.atMost(body.initiatives(), "initiatives", MAX_ENTRIES);
        v.throwIfInvalid();
        List<Reviews.ReportedProgress> progress = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ReportEntry e = entries.get(i);
            String at = "initiatives[" + i + "]";
            if (e == null || e.id() == null || e.id().isBlank()) {
                violations.add(new FieldViolation(at + ".initiativeId", "is required"));
                continue;
            }
            if (!Elements.ID.matcher(e.id()).matches()) {
                violations.add(new FieldViolation(
                        at + (e.initiativeId() != null ? ".initiativeId" : ".initiative"),
                        "must be an initiative id: at most " + Elements.MAX_ID + " letters, digits and hyphens"));
                continue;
            }
            if (e.initiativeId() != null
                    && e.initiative() != null
                    && !e.initiativeId().equals(e.initiative())) {
                violations.add(new FieldViolation(
                        at + ".initiative", "names another initiative than initiativeId; send initiativeId only"));
                continue;
            }
            try {
                progress.add(new Reviews.ReportedProgress(
                        InitiativeResource.validate(
                                e.id(),
                                new InitiativeResource.ProgressRequest(q.label(), e.status(), e.rag(), e.commentary())),
                        at + (e.initiativeId() != null ? ".initiativeId" : ".initiative")));
            } catch (ProblemException invalid) {
                invalid.violations()
                        .forEach(f -> violations.add(new FieldViolation(at + "." + f.field(), f.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return written(
                partnership,
                ifMatch,
                q,
                (partnershipId, version, actor) ->
                        reviews.submit(partnershipId, q, number, summary, progress, version, actor));
    }

    /** Closes the review ({@code plan.quarterly-review.closed.v1}); the quarter's progress is frozen. Needs If-Match. */
    @POST
    @Path("{quarter}/close")
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "200",
            description = "The review, closed",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Uni<Response> close(
            @PathParam("quarter") String quarter,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch) {
        FinancialQuarter q = quarter(quarter);
        return written(
                partnership,
                ifMatch,
                q,
                (partnershipId, version, actor) -> reviews.close(partnershipId, q, version, actor));
    }

    /** Reopens a closed review for a recorded reason ({@code plan.quarterly-review.reopened.v1}). Needs If-Match. */
    @POST
    @Path("{quarter}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "200",
            description = "The review, reopened",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    public Uni<Response> reopen(
            @PathParam("quarter") String quarter,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            ReopenRequest body) {
        FinancialQuarter q = quarter(quarter);
        Validation v = Validation.of(body);
        String reason = v.publicText(body.reason(), "reason", RetireRequest.MAX_REASON);
        v.throwIfInvalid();
        return written(
                partnership,
                ifMatch,
                q,
                (partnershipId, version, actor) -> reviews.reopen(partnershipId, q, reason, version, actor));
    }

    /** A change to the review of {@code q} decided on the version If-Match names (428 without one): 200 with the review. */
    private Uni<Response> written(String partnership, String ifMatch, FinancialQuarter q, Write write) {
        long version = ETags.requireIfMatch(ifMatch);
        String partnershipId = call.partnership(partnership);
        return write.apply(partnershipId, version, call.actor())
                .flatMap(outcome -> respond(partnershipId, q))
                .map(view -> Responses.ok(view, view.version()));
    }

    @FunctionalInterface
    private interface Write {
        Uni<?> apply(String partnershipId, long version, Actor actor);
    }

    private Uni<ReviewView> respond(String partnershipId, FinancialQuarter quarter) {
        return initiativeViews
                .names(partnershipId)
                .flatMap(names -> reviews.get(partnershipId, quarter).map(row -> view(row, names)));
    }

    private static FinancialQuarter quarter(String text) {
        return FinancialQuarter.parse(text).orElseThrow(() -> ProblemException.notFound("Quarterly review", text));
    }

    private static ReviewView view(States.Versioned<QuarterlyReview> row, InitiativeViews.Names names) {
        QuarterlyReview.Opened r = (QuarterlyReview.Opened) row.state(); // a review's row exists once it is opened
        List<PriorityStatus> priorities = r.priorities().stream()
                .map(p -> new PriorityStatus(
                        p, names.priorityTitles().get(p), r.reports().containsKey(p)))
                .toList();
        return new ReviewView(
                row.id(),
                r.quarter(),
                r.status(),
                priorities,
                r.reports().values().stream().map(ReportView::of).toList(),
                priorities.stream().filter(p -> !p.reported()).toList(),
                r.reopenReasons(),
                row.version());
    }
}
