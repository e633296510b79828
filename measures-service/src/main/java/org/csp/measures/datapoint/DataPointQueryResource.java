package org.csp.measures.datapoint;

import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.http.ApiCall;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.ProblemException;

/** Questions across the indicators: the latest value of each, and which sources have not submitted for a quarter. */
@Path("/api/data-points")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(READER)
public class DataPointQueryResource {

    private final Indicators indicators;
    private final DataPoints dataPoints;
    private final Geographies geographies;
    private final ApiCall call;

    public DataPointQueryResource(Indicators indicators, DataPoints dataPoints, Geographies geographies, ApiCall call) {
        this.indicators = indicators;
        this.dataPoints = dataPoints;
        this.geographies = geographies;
        this.call = call;
    }

    /** An indicator's most recent period with figures at the geography: the value rolled up over its sources, and each. */
    public record Latest(
            String indicator,
            String title,
            String geography,
            String period,
            BigDecimal value,
            List<SourceValue> sources) {}

    public record SourceValue(String source, BigDecimal value, String status, int revision) {}

    /** A source that owes figures for a quarter: the periods it has not reported (at any geography of the partnership). */
    public record Missing(String indicator, String title, String source, List<String> periods) {}

    /** The latest value per indicator, at the partnership's district unless {@code geography} says otherwise. */
    @GET
    @Path("latest")
    public Uni<List<Latest>> latest(
            @QueryParam("partnership") String partnership, @QueryParam("geography") String geography) {
        String p = call.partnership(partnership);
        String place = geographies.placeOr(p, geography);
        return indicators
                .list(p, null)
                .flatMap(rows -> dataPoints
                        .since(p, place, LocalDate.of(2000, 1, 1))
                        .map(points -> {
                            Map<String, List<DataPointRow>> byIndicator =
                                    points.stream().collect(Collectors.groupingBy(DataPointRow::indicator));
                            List<Latest> latest = new ArrayList<>();
                            for (var row : rows) {
                                List<DataPointRow> all = byIndicator.getOrDefault(row.code(), List.of());
                                if (all.isEmpty()) {
                                    continue;
                                }
                                LocalDate last = all.stream()
                                        .map(DataPointRow::firstDay)
                                        .max(Comparator.naturalOrder())
                                        .orElseThrow();
                                List<DataPointRow> newest = all.stream()
                                        .filter(d -> d.firstDay().equals(last))
                                        .toList();
                                BigDecimal value = row.rules()
                                        .basis()
                                        .aggregation()
                                        .rollUp(newest.stream()
                                                .map(d -> new org.csp.assessment.Reading(
                                                        d.period(), d.firstDay(), d.source(), d.value()))
                                                .toList());
                                latest.add(new Latest(
                                        row.code(),
                                        row.definition().title(),
                                        place,
                                        newest.getFirst().period(),
                                        value,
                                        newest.stream()
                                                .map(d -> new SourceValue(
                                                        d.source(), d.value(), d.status(), d.revision()))
                                                .toList()));
                            }
                            return latest;
                        }));
    }

    /**
     * For {@code quarter}, each source of each indicator partners post (not the derived ones) and the periods of the
     * quarter (months, the quarter, or for an annual indicator the financial year once its last quarter is asked) it
     * has not reported for; periods still running are not owed.
     */
    @GET
    @Path("missing")
    public Uni<List<Missing>> missing(
            @QueryParam("partnership") String partnership, @QueryParam("quarter") String quarter) {
        String p = call.partnership(partnership);
        FinancialQuarter q = FinancialQuarter.parse(quarter)
                .orElseThrow(() -> new ProblemException(
                        400,
                        "invalid-query",
                        "Invalid query parameter",
                        "quarter must be a financial quarter such as 2024-25-Q2 or 2024/25 Q2."));
        LocalDate today = call.today();
        return indicators
                .list(p, null)
                .flatMap(rows -> dataPoints
                        .since(p, null, LocalDate.of(q.startYear(), 4, 1))
                        .map(points -> {
                            Set<String> reported = points.stream()
                                    .map(d -> d.indicator() + "|" + d.source() + "|" + d.period())
                                    .collect(Collectors.toSet());
                            List<Missing> missing = new ArrayList<>();
                            for (var row : rows) {
                                IndicatorRules rules = row.rules();
                                if (rules.derivedFrom() != null) {
                                    continue;
                                }
                                List<ReportingPeriod> owed = owed(rules, q).stream()
                                        .filter(period -> period.lastDay().isBefore(today))
                                        .toList();
                                for (String source : rules.sources()) {
                                    List<String> periods = owed.stream()
                                            .map(ReportingPeriod::label)
                                            .filter(label ->
                                                    !reported.contains(row.code() + "|" + source + "|" + label))
                                            .toList();
                                    if (!periods.isEmpty()) {
                                        missing.add(new Missing(
                                                row.code(), row.definition().title(), source, periods));
                                    }
                                }
                            }
                            return missing;
                        }));
    }

    private static List<ReportingPeriod> owed(IndicatorRules rules, FinancialQuarter q) {
        return switch (rules.frequency()) {
            case MONTHLY -> {
                List<ReportingPeriod> months = new ArrayList<>();
                for (YearMonth m = YearMonth.from(q.firstDay());
                        !m.atDay(1).isAfter(q.lastDay());
                        m = m.plusMonths(1)) {
                    months.add(ReportingPeriod.parse(m.toString()).orElseThrow());
                }
                yield months;
            }
            case QUARTERLY -> List.of(ReportingPeriod.parse(q.label()).orElseThrow());
            case ANNUAL ->
                q.quarter() == 4
                        ? List.of(ReportingPeriod.parse(q.financialYear()).orElseThrow())
                        : List.of();
        };
    }
}
