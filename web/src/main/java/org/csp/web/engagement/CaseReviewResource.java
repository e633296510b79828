package org.csp.web.engagement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.security.Roles;
import org.csp.web.errors.PageNotFound;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * ASB case reviews ({@code /case-reviews}), for the roles engagement-service lets read them (coordinators and
 * engagement officers, {@link EngagementPages#CASE_REVIEWERS}); anyone else gets the 403 page.
 */
@Path("/case-reviews")
@RolesAllowed({Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER})
public class CaseReviewResource {

    @CheckedTemplate(basePath = "engagement")
    static class Templates {
        static native TemplateInstance caseReviews(CaseReviewPages.ListPage page);

        static native TemplateInstance caseReview(CaseReviewPages.Page page);
    }

    private final GatewayCaseReviews reviews;

    public CaseReviewResource(@RestClient GatewayCaseReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.caseReviews(CaseReviewPages.list(reviews.list()));
    }

    @GET
    @Path("{reference}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance caseReview(@PathParam("reference") String reference) {
        if (!EngagementResource.ID.matcher(reference).matches()) {
            throw new PageNotFound("'" + reference + "' is not a case reference");
        }
        return Templates.caseReview(CaseReviewPages.page(reviews.caseReview(reference)));
    }
}
