package org.csp.web.year;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.errors.PageNotFound;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The year-end assessment ({@code /years/2024-25}): the partnership's input to its annual Strategic Assessment,
 * printable on A4 (the print stylesheet leaves out the navigation and keeps tables whole).
 */
@Path("/years")
@Authenticated
public class YearResource {

    @CheckedTemplate(basePath = "year")
    static class Templates {
        static native TemplateInstance page(YearPage page);
    }

    private final GatewayYears years;

    public YearResource(@RestClient GatewayYears years) {
        this.years = years;
    }

    @GET
    @Path("{year}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("year") String year) {
        if (!year.matches("20[0-9]{2}-[0-9]{2}")
                || (Integer.parseInt(year.substring(2, 4)) + 1) % 100 != Integer.parseInt(year.substring(5))) {
            throw new PageNotFound("'" + year + "' is not a financial year, like 2024-25");
        }
        return Templates.page(YearPages.page(year, years.year(year)));
    }
}
