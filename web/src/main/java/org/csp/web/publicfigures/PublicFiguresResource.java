package org.csp.web.publicfigures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The public figures of a quarter ({@code /public/2024-25-Q2}): no login. */
@Path("/public")
public class PublicFiguresResource {

    @CheckedTemplate(basePath = "publicfigures")
    static class Templates {
        static native TemplateInstance quarter(PublicFiguresPage page);
    }

    private final GatewayPublicFigures figures;

    public PublicFiguresResource(@RestClient GatewayPublicFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("{quarter}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance quarter(@PathParam("quarter") String quarter) {
        FinancialQuarter q = Quarters.parse(quarter);
        return Templates.quarter(PublicFiguresPages.page(q, figures.quarter(q.pathId())));
    }
}
