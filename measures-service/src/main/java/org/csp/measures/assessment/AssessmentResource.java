package org.csp.measures.assessment;

import static org.csp.security.Roles.READER;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.assessment.Assessment;
import org.csp.assessment.AssessmentView;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.http.ApiCall;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.datapoint.DataPoints;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.ProblemException;

/**
 * The quarter's assessment of every indicator for one geography (the partnership's district unless asked): value, the
 * same period last year, change, target, RAG and direction of travel, by the shared rule
 * ({@link Assessment}) that the gateway's quarterly view uses too.
 */
@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(READER)
public class AssessmentResource {

    private final Indicators indicators;
    private final DataPoints dataPoints;
    private final Geographies geographies;
    private final ApiCall call;

    public AssessmentResource(Indicators indicators, DataPoints dataPoints, Geographies geographies, ApiCall call) {
        this.indicators = indicators;
        this.dataPoints = dataPoints;
        this.geographies = geographies;
        this.call = call;
    }

    /** One indicator's assessment; rag, direction and trend as codes ("green", "improving", "down"). */
    public record IndicatorAssessment(
            String indicator,
            String title,
            Integer priority,
            String unit,
            String polarity,
            String geography,
            @JsonUnwrapped AssessmentView assessment) {
        static IndicatorAssessment of(IndicatorRow row, String geography, Assessment a) {
            return new IndicatorAssessment(
                    row.code(),
                    row.definition().title(),
                    row.definition().priority(),
                    row.definition().unit(),
                    row.definition().polarity(),
                    geography,
                    AssessmentView.of(a));
        }
    }

    /** {@code quarter} as "2024-25-Q2" or "2024/25 Q2". */
    @GET
    @Path("{quarter}")
    public Uni<List<IndicatorAssessment>> quarter(
            @PathParam("quarter") String quarter,
            @QueryParam("partnership") String partnership,
            @QueryParam("geography") String geography) {
        FinancialQuarter q =
                FinancialQuarter.parse(quarter).orElseThrow(() -> ProblemException.notFound("Quarter", quarter));
        String p = call.partnership(partnership);
        String place = geographies.placeOr(p, geography);
        if (place == null
                || geographies
                        .find(place)
                        .filter(g -> p.equals(g.partnership()))
                        .isEmpty()) {
            throw new ProblemException(
                    400,
                    "invalid-query",
                    "Invalid query parameter",
                    "geography must be a GSS code of the " + p + " partnership's district or wards.");
        }
        LocalDate from = LocalDate.of(q.startYear() - 1, 4, 1);
        return indicators
                .list(p, null)
                .flatMap(rows -> dataPoints.since(p, place, from).map(points -> {
                    Map<String, List<DataPointRow>> byIndicator =
                            points.stream().collect(Collectors.groupingBy(DataPointRow::indicator));
                    return rows.stream()
                            .map(row -> {
                                IndicatorRules rules = row.rules();
                                List<Reading> readings = byIndicator.getOrDefault(row.code(), List.of()).stream()
                                        .map(d -> new Reading(d.period(), d.firstDay(), d.source(), d.value()))
                                        .toList();
                                return IndicatorAssessment.of(
                                        row, place, Assessment.assess(rules.basis(), q, readings));
                            })
                            .toList();
                }));
    }
}
