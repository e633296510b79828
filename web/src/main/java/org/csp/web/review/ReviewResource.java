package org.csp.web.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.security.Roles;
import org.csp.web.errors.PageNotFound;
import org.csp.web.form.FormError;
import org.csp.web.form.Typed;
import org.csp.web.gateway.FormRefused;
import org.csp.web.gateway.GatewayProblem;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A quarter's review ({@code /quarters/2024-25-Q1/review}): its state, each priority's report and the missing ones.
 * The coordinator opens, closes and reopens it; the coordinator and a priority's lead submit the priority's report.
 * Every change to an opened review is sent with the version the page showed ({@code If-Match}); when the review has
 * moved on since, the page comes back saying so, as it is now, with what the person wrote still in the form. A form
 * that succeeds leads back to the page (303) with a success banner.
 */
@Path("/quarters/{quarter}/review")
@Authenticated
public class ReviewResource {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance page(ReviewPage page);
    }

    private static final String STALE = "Someone else updated this review";

    private final GatewayReviews reviews;
    private final GatewayReviewForms forms;
    private final SecurityIdentity identity;
    private final Instance<JsonWebToken> accessToken;

    public ReviewResource(
            @RestClient GatewayReviews reviews,
            @RestClient GatewayReviewForms forms,
            SecurityIdentity identity,
            Instance<JsonWebToken> accessToken) {
        this.reviews = reviews;
        this.forms = forms;
        this.identity = identity;
        this.accessToken = accessToken;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("quarter") String quarter, @QueryParam("done") String done) {
        return render(Quarters.parse(quarter), ReviewPages.Entered.NOTHING, null, List.of(), done);
    }

    @POST
    @Path("open")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("quarter") String quarter) {
        FinancialQuarter q = Quarters.parse(quarter);
        try {
            forms.open(new GatewayReviewForms.OpenRequest(q.label()));
        } catch (FormRefused refused) {
            return refused(
                    q,
                    ReviewPages.Entered.NOTHING,
                    refused,
                    "The review was not opened",
                    "The review changed since this page was shown. Check it, then try again.");
        }
        return done(q, "opened");
    }

    @POST
    @Path("reports/{priority}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response report(
            @PathParam("quarter") String quarter,
            @PathParam("priority") String priority,
            @RestForm String version,
            @RestForm("summary") String sentSummary) {
        FinancialQuarter q = Quarters.parse(quarter);
        if (!priority.matches("[1-9][0-9]?")) {
            throw new PageNotFound("'" + priority + "' is not a priority's number");
        }
        int number = Integer.parseInt(priority);
        String summary = Typed.text(sentSummary);
        ReviewPages.Entered entered = new ReviewPages.Entered(number, summary, null);
        if (!isVersion(version)) {
            return incomplete(q, entered);
        }
        try {
            forms.report(q.pathId(), number, ifMatch(version), new GatewayReviewForms.ReportRequest(summary));
        } catch (FormRefused refused) {
            return refused(
                    q,
                    entered,
                    refused,
                    "Your report was not submitted",
                    "The review changed while you were writing your report: a report came in, or the review was"
                            + " closed or reopened. It is shown below as it is now, and your report is still in the"
                            + " form: check it, then submit it again.");
        }
        return done(q, "report-" + number);
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response close(@PathParam("quarter") String quarter, @RestForm String version) {
        FinancialQuarter q = Quarters.parse(quarter);
        if (!isVersion(version)) {
            return incomplete(q, ReviewPages.Entered.NOTHING);
        }
        try {
            forms.close(q.pathId(), ifMatch(version));
        } catch (FormRefused refused) {
            return refused(
                    q,
                    ReviewPages.Entered.NOTHING,
                    refused,
                    "The review was not closed",
                    "The review changed since this page was shown, and it was not closed. Check the reports shown"
                            + " below as they are now, then close it again.");
        }
        return done(q, "closed");
    }

    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reopen(
            @PathParam("quarter") String quarter, @RestForm String version, @RestForm("reason") String sentReason) {
        String reason = Typed.text(sentReason);
        FinancialQuarter q = Quarters.parse(quarter);
        ReviewPages.Entered entered = new ReviewPages.Entered(null, null, reason);
        if (!isVersion(version)) {
            return incomplete(q, entered);
        }
        try {
            forms.reopen(q.pathId(), ifMatch(version), new GatewayReviewForms.ReopenRequest(reason));
        } catch (FormRefused refused) {
            return refused(
                    q,
                    entered,
                    refused,
                    "The review was not reopened",
                    "The review changed since this page was shown, and it was not reopened. Your reason is still in"
                            + " the form: check the review, then reopen it again.");
        }
        return done(q, "reopened");
    }

    private static Response done(FinancialQuarter q, String what) {
        return Response.seeOther(URI.create("/quarters/" + q.pathId() + "/review?done=" + what))
                .build();
    }

    /**
     * The page again, as the review is now, after the service refused a form: a stale form (412) says someone else
     * updated the review (409), refused fields (422) are in the error summary, any other refusal is told in the
     * service's words under {@code heading} with the service's status.
     */
    private Response refused(
            FinancialQuarter q, ReviewPages.Entered entered, FormRefused refused, String heading, String stale) {
        return switch (refused.status()) {
            case 412 -> page(q, entered, new ReviewPage.Refusal(STALE, stale), List.of(), 409);
            case 422 -> page(q, entered, null, ReviewPages.errors(refused.errors(), entered.priority()), 422);
            default -> page(q, entered, refusal(heading, refused), List.of(), refused.status());
        };
    }

    private Response incomplete(FinancialQuarter q, ReviewPages.Entered entered) {
        return page(
                q,
                entered,
                new ReviewPage.Refusal("The form was not complete", "Check what you entered and send the form again."),
                List.of(),
                400);
    }

    private Response page(
            FinancialQuarter q,
            ReviewPages.Entered entered,
            ReviewPage.Refusal refusal,
            List<FormError> errors,
            int status) {
        return Response.status(status)
                .entity(render(q, entered, refusal, errors, null))
                .build();
    }

    private static ReviewPage.Refusal refusal(String heading, FormRefused refused) {
        return new ReviewPage.Refusal(
                heading,
                refused.detail() == null || refused.detail().isBlank()
                        ? "The service did not take the form. Try again later."
                        : refused.detail());
    }

    /** The page as the review is now, with what the person wrote kept in its form. */
    private TemplateInstance render(
            FinancialQuarter q,
            ReviewPages.Entered entered,
            ReviewPage.Refusal refusal,
            List<FormError> errors,
            String done) {
        ReviewBody review = find(q);
        List<ReviewEventBody> history = review == null ? List.of() : reviews.history(q.pathId());
        boolean coordinator = identity.hasRole(Roles.COORDINATOR);
        Set<Integer> reportable =
                ReviewPages.reportable(coordinator, identity.hasRole(Roles.PRIORITY_LEAD), ledPriorities(), review);
        return Templates.page(
                ReviewPages.page(q, review, history, coordinator, reportable, entered, refusal, errors, done));
    }

    /** The review of the quarter, or null when none has been opened (the API's 404). */
    private ReviewBody find(FinancialQuarter q) {
        try {
            return reviews.review(q.pathId());
        } catch (GatewayProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    /** The priorities the access token's {@code priorities} claim names (a lead's, from the identity provider). */
    private Set<Integer> ledPriorities() {
        if (!identity.hasRole(Roles.PRIORITY_LEAD) || !accessToken.isResolvable()) {
            return Set.of();
        }
        try {
            return ReviewPages.claimed(accessToken.get().getClaim("priorities"));
        } catch (RuntimeException notAJwt) {
            return Set.of(); // an opaque token: plan-service decides, and its refusal is shown on the form
        }
    }

    private static boolean isVersion(String version) {
        return version != null && version.matches("[0-9]{1,18}");
    }

    private static String ifMatch(String version) {
        return "\"" + version + "\"";
    }
}
