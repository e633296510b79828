package org.csp.web.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The dashboard of a quarter ({@code /quarters/2024-25-Q2}), for whoever may read the partnership's views. */
@Path("/quarters")
@Authenticated
public class DashboardResource {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance quarter(DashboardPage page);
    }

    private final GatewayViews views;

    public DashboardResource(@RestClient GatewayViews views) {
        this.views = views;
    }

    @GET
    @Path("{quarter}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance quarter(@PathParam("quarter") String quarter) {
        FinancialQuarter q = Quarters.parse(quarter);
        return Templates.quarter(Dashboards.page(q, views.quarter(q.pathId())));
    }
}
