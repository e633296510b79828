package org.csp.measures.comparator;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.Actor;
import org.csp.geography.GssCode;
import org.csp.http.ApiCall;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Most Similar Family Group comparators of an indicator ({@code measures.comparator.recorded.v2}): posted by the
 * coordinator or the county analyst, or imported from an export through a comparator source
 * ({@link org.csp.measures.comparator.source.ComparatorImportResource}), read by everyone.
 */
@Path("/api/indicators/{code}/comparators")
@Produces(MediaType.APPLICATION_JSON)
public class ComparatorResource {

    private final Comparators comparators;
    private final Indicators indicators;
    private final Geographies geographies;
    private final ApiCall call;

    public ComparatorResource(Comparators comparators, Indicators indicators, Geographies geographies, ApiCall call) {
        this.comparators = comparators;
        this.indicators = indicators;
        this.geographies = geographies;
        this.call = call;
    }

    /**
     * The request: the period, the district (the partnership's own by default), the group average and its limits, and
     * optionally the partnership's own figure as the group compares it, its rank (1 = the lowest figure) and the
     * group's size.
     */
    public record ComparatorRequest(
            @Schema(maxLength = ReportingPeriod.MAX_LENGTH, description = "A period of the indicator's frequency")
            String period,

            @Schema(maxLength = GssCode.LENGTH, description = "The partnership's district, its GSS code")
            String geography,

            @Schema(
                    implementation = Figures.Figure.class,
                    type = SchemaType.NUMBER,
                    description = "The partnership's own figure as the group compares it (optional)")
            BigDecimal value,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal average,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal lower,

            @Schema(implementation = Figures.Figure.class, type = SchemaType.NUMBER)
            BigDecimal upper,

            @Schema(
                    minimum = "1",
                    maximum = "" + ComparatorRules.MAX_GROUP_SIZE,
                    description = "The partnership's rank in the group, 1 = the lowest figure (optional)")
            Integer rank,

            @Schema(
                    minimum = "1",
                    maximum = "" + ComparatorRules.MAX_GROUP_SIZE,
                    description = "How many areas the group has (optional)")
            Integer groupSize) {}

    /**
     * The family group's current figures for an indicator, period and district, who submitted them and through which
     * comparator source (null: posted by hand).
     */
    public record ComparatorView(
            String indicator,
            String period,
            String geography,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize,
            String source,
            String submittedBy,
            int revision) {
        static ComparatorView of(Comparators.ComparatorRow r) {
            return new ComparatorView(
                    r.indicatorCode(),
                    r.period(),
                    r.geography(),
                    r.value(),
                    r.average(),
                    r.lower(),
                    r.upper(),
                    r.rank(),
                    r.groupSize(),
                    r.source(),
                    r.submittedBy(),
                    r.revision());
        }
    }

    /** 201 with a new revision, 200 when the figures are already the current ones. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, COUNTY_ANALYST})
    @APIResponse(
            responseCode = "200",
            description = "Already recorded so: nothing changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparatorView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ComparatorView.class)))
    public Uni<Response> record(
            @PathParam("code") String code, @QueryParam("partnership") String partnership, ComparatorRequest body) {
        String p = call.partnership(partnership);
        if (body == null) {
            throw Validation.missingBody();
        }
        return indicators
                .find(p, code)
                .flatMap(found -> {
                    IndicatorRules rules = found.orElseThrow(() -> ProblemException.notFound("Indicator", code))
                            .rules();
                    Validation v = new Validation();
                    String district = geographies
                            .districtOf(p)
                            .map(Geographies.Geography::code)
                            .orElse(null);
                    String geography = body.geography() == null ? district : body.geography();
                    v.require(
                            geography != null && geography.equals(district),
                            "geography",
                            "must be the partnership's district (" + district
                                    + "): family groups compare whole partnership areas");
                    Actor actor = call.actor();
                    RecordComparator command = ComparatorRules.check(
                            new ComparatorRules.Input(
                                    body.period(),
                                    body.value(),
                                    body.average(),
                                    body.lower(),
                                    body.upper(),
                                    body.rank(),
                                    body.groupSize()),
                            ComparatorRules.Names.API,
                            rules,
                            geography,
                            call.today(),
                            null,
                            actor.client(),
                            v);
                    v.throwIfInvalid();
                    return comparators.record(p, command, actor);
                })
                .map(outcome -> Response.status(outcome.changed() ? 201 : 200)
                        .entity(ComparatorView.of(Comparators.row(outcome.state())))
                        .build());
    }

    @GET
    @RolesAllowed(READER)
    public Uni<List<ComparatorView>> list(
            @PathParam("code") String code, @QueryParam("partnership") String partnership) {
        String p = call.partnership(partnership);
        return indicators.find(p, code).flatMap(found -> {
            found.orElseThrow(() -> ProblemException.notFound("Indicator", code));
            return comparators
                    .list(p, code)
                    .map(rows -> rows.stream().map(ComparatorView::of).toList());
        });
    }
}
