package org.csp.web.indicator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.csp.security.Roles;
import org.csp.web.errors.PageNotFound;
import org.csp.web.form.FormError;
import org.csp.web.form.Typed;
import org.csp.web.gateway.FormRefused;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An indicator's page ({@code /indicators/ASB-INCIDENTS?geography=&from=&to=}): the series as a chart and a table, the
 * same figures as CSV ({@code …/series.csv}), every revision of the figures that were revised, and, for coordinators
 * and partner agencies' staff, a form for one figure and a CSV upload. A file is recorded whole or not at all: a file
 * with bad rows comes back with every bad row listed, and nothing in it stored. Addresses that cannot name an
 * indicator, a place or a quarter are pages that do not exist (404), before the gateway is asked.
 */
@Path("/indicators")
@Authenticated
public class IndicatorResource {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    static final Pattern GEOGRAPHY = Pattern.compile("[A-Za-z0-9]{1,16}");
    /** A period as the one-figure form's notice names it: 2024-09, 2024/25 Q2, 2024-25-Q2, 2024/25. */
    static final Pattern PERIOD = Pattern.compile("[0-9]{4}([-/][0-9]{2})?([ -]?Q[1-4])?");
    /** An upload's counts in the notice's address: rows, new, revised, unchanged. */
    static final Pattern COUNTS = Pattern.compile("([0-9]{1,6}),([0-9]{1,6}),([0-9]{1,6}),([0-9]{1,6})");
    /** Who may record figures (measures-service's own rule for data points). */
    static final List<String> RECORDERS = List.of(Roles.COORDINATOR, Roles.PARTNER_AGENCY);
    /** The largest file uploaded: measures-service's own limit for a batch. */
    static final long MAX_FILE_BYTES = 5 * 1024 * 1024;

    @CheckedTemplate(basePath = "indicator")
    static class Templates {
        static native TemplateInstance page(IndicatorPage page, IndicatorFigures figures);
    }

    private final GatewaySeries gateway;
    private final GatewayRevisions revisions;
    private final GatewayFigures figures;
    private final SecurityIdentity identity;

    public IndicatorResource(
            @RestClient GatewaySeries gateway,
            @RestClient GatewayRevisions revisions,
            @RestClient GatewayFigures figures,
            SecurityIdentity identity) {
        this.gateway = gateway;
        this.revisions = revisions;
        this.figures = figures;
        this.identity = identity;
    }

    @GET
    @Path("{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("recorded") String recorded,
            @QueryParam("uploaded") String uploaded) {
        String notice = null;
        if (recorded != null && PERIOD.matcher(recorded).matches()) {
            notice = FigureForms.recorded(SeriesChart.period(recorded));
        } else if (uploaded != null && COUNTS.matcher(uploaded).matches()) {
            String[] counts = uploaded.split(",");
            notice = FigureForms.uploaded(
                    Integer.parseInt(counts[0]),
                    Integer.parseInt(counts[1]),
                    Integer.parseInt(counts[2]),
                    Integer.parseInt(counts[3]));
        }
        return render(code, geography, from, to, null, List.of(), notice);
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

    /** One figure: recorded (back to the page, saying so) or the form again with the service's refusal. */
    @POST
    @Path("{code}/figures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response figure(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @RestForm String key,
            @RestForm String period,
            @RestForm("geography") String place,
            @RestForm String value,
            @RestForm String status,
            @RestForm String source,
            @RestForm("reason") String sentReason) {
        mayRecord();
        String reason = Typed.text(sentReason);
        IndicatorFigures.Entry entry = new IndicatorFigures.Entry(period, place, value, status, source, reason);
        BigDecimal figure = FigureForms.number(value);
        if (figure == null) {
            String message = value == null || value.isBlank()
                    ? "Enter the figure"
                    : "The figure must be a number, such as 42 or 12.5";
            return refused(code, geography, from, to, entry, List.of(new FormError("value", message)), 422);
        }
        try {
            figures.record(
                    checked(code),
                    key,
                    new FigureRequest(
                            blankToNull(period),
                            blankToNull(place),
                            figure,
                            blankToNull(status),
                            blankToNull(source),
                            blankToNull(reason)));
        } catch (FormRefused refused) {
            return refused(code, geography, from, to, entry, FigureForms.figureErrors(refused), refused.status());
        }
        String shown = period != null && PERIOD.matcher(period.strip()).matches() ? period.strip() : null;
        return back(code, geography, from, to, shown == null ? null : "recorded=" + shown);
    }

    /** A CSV file of figures: every row recorded, or none and the form again listing every bad row. */
    @POST
    @Path("{code}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(
            @PathParam("code") String code,
            @QueryParam("geography") String geography,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @RestForm String key,
            @RestForm("csv") FileUpload csv) {
        mayRecord();
        if (csv == null || csv.size() == 0) {
            return refused(code, geography, from, to, null, List.of(new FormError("csv", "Select a CSV file")), 422);
        }
        if (csv.size() > MAX_FILE_BYTES) {
            return refused(
                    code,
                    geography,
                    from,
                    to,
                    null,
                    List.of(new FormError("csv", "The file must be at most 5 MB: split it into smaller files")),
                    413);
        }
        BatchResult result;
        try {
            result = figures.upload(key, Files.readAllBytes(csv.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FormRefused refused) {
            return refused(code, geography, from, to, null, FigureForms.uploadErrors(refused), refused.status());
        }
        return back(
                code,
                geography,
                from,
                to,
                "uploaded=" + result.rows() + "," + result.recorded() + "," + result.revised() + ","
                        + result.unchanged());
    }

    private TemplateInstance render(
            String code,
            String geography,
            String from,
            String to,
            IndicatorFigures.Entry entry,
            List<FormError> errors,
            String notice) {
        SeriesBody series = read(code, geography, from, to);
        List<RecordedPoint> points = revisions.points(
                series.indicator().code(),
                series.geography() == null ? geography : series.geography().code(),
                series.from(),
                series.to(),
                true);
        IndicatorFigures.Form form = null;
        if (RECORDERS.stream().anyMatch(identity::hasRole)) {
            form = new IndicatorFigures.Form(
                    IndicatorPages.address(code, "/figures", geography, from, to),
                    IndicatorPages.address(code, "/upload", geography, from, to),
                    UUID.randomUUID().toString(),
                    entry != null
                            ? entry
                            : new IndicatorFigures.Entry(
                                    null,
                                    series.geography() == null
                                            ? null
                                            : series.geography().code(),
                                    null,
                                    "provisional",
                                    null,
                                    null),
                    errors);
        }
        return Templates.page(
                IndicatorPages.page(series, geography, from, to),
                new IndicatorFigures(
                        FigureForms.revisions(points, series.indicator().unit()), form, notice));
    }

    private Response refused(
            String code,
            String geography,
            String from,
            String to,
            IndicatorFigures.Entry entry,
            List<FormError> errors,
            int status) {
        return Response.status(status)
                .entity(render(code, geography, from, to, entry, errors, null))
                .build();
    }

    private static Response back(String code, String geography, String from, String to, String notice) {
        String page = IndicatorPages.address(code, "", geography, from, to);
        String address = notice == null ? page : page + (page.contains("?") ? "&" : "?") + notice;
        return Response.seeOther(URI.create(address + "#figures-heading")).build();
    }

    private void mayRecord() {
        if (RECORDERS.stream().noneMatch(identity::hasRole)) {
            throw new jakarta.ws.rs.ForbiddenException("records no figures");
        }
    }

    private SeriesBody read(String code, String geography, String from, String to) {
        checked(code);
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

    private static String checked(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new PageNotFound("'" + code + "' is not an indicator code");
        }
        return code;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
