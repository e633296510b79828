package org.csp.gateway.views;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.csp.assessment.Assessment;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.gateway.views.PriorityView.ProcessControlReading;
import org.csp.gateway.views.PriorityView.QuarterFlag;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;

/**
 * Each indicator's statistical-process-control reading for the quarterly view: its series at the partnership's
 * district over the twelve quarters to the quarter ({@link Series}, the default baseline), and the special causes the
 * reading finds in the quarter's own periods. As at a close, the figures recorded by then.
 */
@ApplicationScoped
public class ProcessControlReadings {

    /** How many quarters the series behind a quarter's reading covers. */
    static final int QUARTERS = 12;

    private final PartnershipRegistry registry;
    private final GeographyFile geography;

    public ProcessControlReadings(PartnershipRegistry registry, GeographyFile geography) {
        this.registry = registry;
        this.geography = geography;
    }

    /** The readings by indicator code; an indicator with fewer than two periods with a figure has none. */
    Uni<Map<String, ProcessControlReading>> read(
            SqlConnection tx, String partnership, FinancialQuarter quarter, Instant at) {
        GeographyFile.District district = IndicatorSeries.district(registry, geography, partnership);
        List<String> quarters = new ArrayList<>();
        List<String> years = new ArrayList<>();
        FinancialQuarter from = SeriesQuery.minus(quarter, QUARTERS - 1);
        for (int i = QUARTERS - 1; i >= 0; i--) {
            FinancialQuarter q = SeriesQuery.minus(quarter, i);
            quarters.add(q.label());
            if (!years.contains(q.financialYear())) {
                years.add(q.financialYear());
            }
        }
        Tuple key = Tuple.of(partnership)
                .addArrayOfString(quarters.toArray(String[]::new))
                .addArrayOfString(years.toArray(String[]::new));
        String figures = at == null ? """
                        SELECT indicator_code, geography, period, source, value FROM measure
                         WHERE partnership_id = $1 AND (quarter = ANY ($2) OR period = ANY ($3))""" : """
                        SELECT DISTINCT ON (indicator_code, geography, period, source)
                               indicator_code, geography, period, source, value
                          FROM measure_revision
                         WHERE partnership_id = $1 AND (quarter = ANY ($2) OR period = ANY ($3)) AND recorded_at <= $4
                         ORDER BY indicator_code, geography, period, source, revision DESC""";
        if (at != null) {
            key.addOffsetDateTime(at.atOffset(ZoneOffset.UTC));
        }
        return tx.preparedQuery("""
                        SELECT code, unit, frequency, aggregation, polarity, tolerance, targets::text AS targets,
                               geography_level
                          FROM indicator WHERE partnership_id = $1""")
                .execute(Tuple.of(partnership))
                .flatMap(definitions -> tx.preparedQuery(figures).execute(key).map(rows -> {
                    Map<String, List<Series.Figure>> byCode = new HashMap<>();
                    for (Row r : rows) {
                        byCode.computeIfAbsent(r.getString("indicator_code"), c -> new ArrayList<>())
                                .add(new Series.Figure(
                                        r.getString("geography"),
                                        r.getString("period"),
                                        r.getString("source"),
                                        r.getBigDecimal("value")));
                    }
                    Map<String, ProcessControlReading> readings = new HashMap<>();
                    for (Row d : definitions) {
                        String code = d.getString("code");
                        ReportingPeriod.Kind kind = ReportingPeriod.Kind.ofFrequency(d.getString("frequency"));
                        Optional<Assessment.Basis> basis = MeasuresReader.basis(
                                d.getString("polarity"),
                                d.getString("frequency"),
                                d.getString("aggregation") != null
                                        ? d.getString("aggregation")
                                        : MeasuresReader.defaultAggregation(d.getString("unit")),
                                d.getBigDecimal("tolerance"),
                                Map.of());
                        if (basis.isEmpty() || kind == null || !byCode.containsKey(code)) {
                            continue;
                        }
                        boolean byWard = "ward".equals(d.getString("geography_level"));
                        Series.Result series = Series.of(
                                basis.get(),
                                kind,
                                from,
                                quarter,
                                Series.readings(
                                        basis.get(),
                                        kind,
                                        district.code(),
                                        byWard ? district : null,
                                        quarter,
                                        byCode.get(code)),
                                Map.of(),
                                null);
                        if (series.control() == null) {
                            continue;
                        }
                        List<QuarterFlag> flags = new ArrayList<>();
                        for (SeriesView.Point p : series.points()) {
                            ReportingPeriod period =
                                    ReportingPeriod.parse(p.period()).orElseThrow();
                            if (Assessment.within(basis.get(), quarter, period.firstDay())) {
                                p.flags()
                                        .forEach(f -> flags.add(new QuarterFlag(
                                                p.period(), f.rule(), f.variation(), f.high(), f.explanation())));
                            }
                        }
                        readings.put(code, new ProcessControlReading(series.control(), flags));
                    }
                    return readings;
                }));
    }
}
