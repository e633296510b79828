package org.csp.web.indicator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.csp.web.errors.PageNotFound;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An indicator's page ({@code /indicators/ASB-INCIDENTS?geography=&from=&to=}): the series as a chart and a table, and
 * the same figures as CSV ({@code …/series.csv}). Addresses that cannot name an indicator, a place or a quarter are
 * pages that do not exist (404), before the gateway is asked.
 */
@Path("/indicators")
@Authenticated
public class IndicatorResource {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    static final Pattern GEOGRAPHY = Pattern.compile("[A-Za-z0-9]{1,16}");

    @CheckedTemplate(basePath = "indicator")
    static class Templates {
        static native TemplateInstance page(IndicatorPage page);
    }

    private final GatewaySeries gateway;

    public IndicatorResource(@RestClient GatewaySeries gateway) {
        this.gateway = gateway;
    }

    @GET
    @Path("{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        SeriesBody series = read(code, geography, from, to);
        return Templates.page(IndicatorPages.page(series, geography, from, to));
    }

    @GET
    @Path("{code}/series.csv")
    @Produces("text/csv")
    public Response csv(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        SeriesBody series = read(code, geography, from, to);
        String name = series.indicator().code() + "-" + series.geography().code() + "-" + series.from() + "-"
                + series.to() + ".csv";
        return Response.ok(SeriesCsv.csv(series), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .build();
    }

    private SeriesBody read(String code, String geography, String from, String to) {
        if (!CODE.matcher(code).matches()) {
            throw new PageNotFound("'" + code + "' is not an indicator code");
        }
        if (geography != null && !GEOGRAPHY.matcher(geography).matches()) {
            throw new PageNotFound("'" + geography + "' is not a place code");
        }
        if (from != null) {
            Quarters.parse(from);
        }
        if (to != null) {
            Quarters.parse(to);
        }
        return gateway.series(code, geography, from, to);
    }
}
