package org.csp.web.county;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The county page ({@code /county/2024-25-Q2}, county analysts): every partnership side by side for a quarter, and the
 * county feed's CSV as the gateway writes it ({@code /county/2024-25-Q2/feed.csv}).
 */
@Path("/county/{quarter}")
@RolesAllowed("county-analyst")
public class CountyResource {

    @CheckedTemplate(basePath = "county")
    static class Templates {
        static native TemplateInstance page(CountyPage page);
    }

    private final GatewayCounty county;

    public CountyResource(@RestClient GatewayCounty county) {
        this.county = county;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("quarter") String quarter) {
        FinancialQuarter q = Quarters.parse(quarter);
        return Templates.page(CountyPages.page(q, county.feed(q.pathId())));
    }

    @GET
    @Path("feed.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("quarter") String quarter) {
        FinancialQuarter q = Quarters.parse(quarter);
        return Response.ok(county.csv(q.pathId()), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"county-feed-" + q.pathId() + ".csv\"")
                .build();
    }
}
