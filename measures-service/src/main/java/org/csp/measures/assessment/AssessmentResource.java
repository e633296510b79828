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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.assessment.AreaRollUp;
import org.csp.assessment.AreaRollUp.Coverage;
import org.csp.assessment.AreaRollUp.From;
import org.csp.assessment.Assessment;
import org.csp.assessment.AssessmentView;
import org.csp.assessment.FamilyGroup;
import org.csp.assessment.FamilyGroupView;
import org.csp.assessment.Polarity;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.http.ApiCall;
import org.csp.measures.comparator.Comparators;
import org.csp.measures.comparator.Comparators.ComparatorRow;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.datapoint.DataPoints;
import org.csp.measures.geography.Geographies;
import org.csp.measures.geography.Geographies.Level;
import org.csp.measures.indicator.GeographyLevel;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.ProblemException;

/**
 * The quarter's assessment of every indicator for one geography (the partnership's district unless asked): value, the
 * same period last year, change, target, RAG and direction of travel, by the shared rule
 * ({@link Assessment}) that the gateway's quarterly view uses too, and for a district its family group
 * ({@link FamilyGroup}) where the quarter has the group's figures.
 */
@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(READER)
public class AssessmentResource {

    private final Indicators indicators;
    private final DataPoints dataPoints;
    private final Comparators comparators;
    private final Geographies geographies;
    private final ApiCall call;

    public AssessmentResource(
            Indicators indicators,
            DataPoints dataPoints,
            Comparators comparators,
            Geographies geographies,
            ApiCall call) {
        this.indicators = indicators;
        this.comparators = comparators;
        this.dataPoints = dataPoints;
        this.geographies = geographies;
        this.call = call;
    }

    /**
     * One indicator's assessment; rag, direction and trend as codes ("green", "improving", "down"). {@code figuresFrom}
     * says where the quarter's figures of a district came from for an indicator reported by ward: "district" (its own
     * figures), "wards" (its wards' rolled up, {@code wardsReported} of {@code wardsExpected} of them with a figure),
     * "district-and-wards" (some periods or sources each way) or "none"; for any other indicator or a ward, "own" or
     * "none", without ward counts.
     */
    public record IndicatorAssessment(
            String indicator,
            String title,
            Integer priority,
            String unit,
            String polarity,
            String geography,
            String figuresFrom,
            Integer wardsReported,
            Integer wardsExpected,
            @JsonUnwrapped AssessmentView assessment,
            FamilyGroupView familyGroup) {
        static IndicatorAssessment of(
                IndicatorRow row, String geography, Coverage coverage, Assessment a, FamilyGroupView familyGroup) {
            boolean wards = coverage.partsExpected() > 0;
            return new IndicatorAssessment(
                    row.code(),
                    row.definition().title(),
                    row.definition().priority(),
                    row.definition().unit(),
                    row.definition().polarity(),
                    geography,
                    wards ? DISTRICT_FROM.get(coverage.from()) : coverage.from() == From.NONE ? "none" : "own",
                    wards ? coverage.partsReported() : null,
                    wards ? coverage.partsExpected() : null,
                    AssessmentView.of(a),
                    familyGroup);
        }
    }

    private static final Map<From, String> DISTRICT_FROM = Map.of(
            From.OWN, "district", From.PARTS, "wards", From.OWN_AND_PARTS, "district-and-wards", From.NONE, "none");

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
        boolean district = geographies.find(place).orElseThrow().level() == Level.DISTRICT;
        int wards = district ? wardsOf(place) : 0;
        // a district's assessment reads its wards' figures too (the partnership's points are its district's and wards')
        // family groups compare whole partnership areas: a district has comparators, a ward none
        Uni<Map<String, ComparatorRow>> groups = district
                ? comparators
                        .within(p, place, q.firstDay(), q.lastDay())
                        .map(rows -> rows.stream()
                                .collect(Collectors.toMap(ComparatorRow::indicatorCode, c -> c, (latest, c) -> latest)))
                : Uni.createFrom().item(Map.of());
        return Uni.combine()
                .all()
                .unis(indicators.list(p, null), dataPoints.since(p, district ? null : place, from), groups)
                .with((rows, points, latest) -> {
                    Map<String, Map<String, List<Reading>>> byIndicator = points.stream()
                            .collect(Collectors.groupingBy(
                                    DataPointRow::indicator,
                                    Collectors.groupingBy(
                                            DataPointRow::geography,
                                            Collectors.mapping(
                                                    d -> new Reading(d.period(), d.firstDay(), d.source(), d.value()),
                                                    Collectors.toList()))));
                    return rows.stream()
                            .map(row -> assess(
                                    row,
                                    q,
                                    place,
                                    wards,
                                    byIndicator.getOrDefault(row.code(), Map.of()),
                                    latest.get(row.code())))
                            .toList();
                });
    }

    /**
     * One indicator's quarter at {@code place} from its readings by geography: for a district ({@code wards} the
     * number it has, 0 for a ward) and an indicator reported by ward, the district's own figures and its wards' rolled
     * up where it has none ({@link AreaRollUp}).
     */
    private static IndicatorAssessment assess(
            IndicatorRow row,
            FinancialQuarter q,
            String place,
            int wards,
            Map<String, List<Reading>> byPlace,
            ComparatorRow group) {
        IndicatorRules rules = row.rules();
        List<Reading> own = byPlace.getOrDefault(place, List.of());
        int wardsExpected = rules.level() == GeographyLevel.WARD ? wards : 0;
        Map<String, List<Reading>> parts = new HashMap<>();
        if (wardsExpected > 0) {
            parts.putAll(byPlace);
            parts.remove(place);
        }
        AreaRollUp.Result area = AreaRollUp.of(rules.basis(), q, own, parts, wardsExpected);
        return IndicatorAssessment.of(
                row,
                place,
                area.coverage(),
                Assessment.assess(rules.basis(), q, area.readings()),
                group == null ? null : familyGroup(group, rules.basis().polarity()));
    }

    /** The district's place in its family group by the comparator's figures ({@link FamilyGroup}). */
    private static FamilyGroupView familyGroup(ComparatorRow c, Polarity polarity) {
        FamilyGroup g =
                FamilyGroup.place(polarity, c.value(), c.average(), c.lower(), c.upper(), c.rank(), c.groupSize());
        return FamilyGroupView.of(c.period(), g, c.source());
    }

    private int wardsOf(String district) {
        return (int) geographies.list(null).stream()
                .filter(g -> g.level() == Level.WARD && district.equals(g.parent()))
                .count();
    }
}
