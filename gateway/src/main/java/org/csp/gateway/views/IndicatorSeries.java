package org.csp.gateway.views;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.csp.assessment.Assessment;
import org.csp.assessment.Reading;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.gateway.quarterly.QuarterlyViewProjection;
import org.csp.gateway.quarterly.ViewClock;
import org.csp.gateway.views.PartnershipViews.Tagged;
import org.csp.gateway.views.SeriesView.FamilyGroupBand;
import org.csp.geography.GeographyFile;
import org.csp.geography.GeographyFile.Area;
import org.csp.geography.GeographyFile.District;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.ProblemException;

/**
 * Reads an indicator's series at a place from the live generation of the quarterly projection, in one consistent read,
 * tagged as the other views are. A district's figures of an indicator reported by ward are its own where posted, else
 * its wards' rolled up ({@link AreaRollUp}), as in the quarterly view and the county feed.
 */
@ApplicationScoped
public class IndicatorSeries {

    static final String FORMAT = "indicator-series/1";

    private final Pool pool;
    private final PartnershipRegistry registry;
    private final GeographyFile geography;

    public IndicatorSeries(Pool pool, PartnershipRegistry registry, GeographyFile geography) {
        this.pool = pool;
        this.registry = registry;
        this.geography = geography;
    }

    public Uni<Tagged<SeriesView>> read(String partnership, String code, SeriesQuery query, String ifNoneMatch) {
        District district = district(partnership);
        Place place = place(district, query.geography());
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    String etag = clock.etag(FORMAT, partnership + "|" + code + "|" + query, "json");
                    if (ViewClock.matches(ifNoneMatch, etag)) {
                        return Uni.createFrom().item(new Tagged<SeriesView>(etag, clock.changedAt(), null));
                    }
                    return tx.preparedQuery("""
                                    SELECT title, unit, frequency, aggregation, polarity, tolerance,
                                           targets::text AS targets, geography_level
                                      FROM indicator WHERE partnership_id = $1 AND code = $2""")
                            .execute(Tuple.of(partnership, code))
                            .flatMap(definitions -> {
                                if (!definitions.iterator().hasNext()) {
                                    throw new ProblemException(
                                            404,
                                            "not-found",
                                            "No such indicator",
                                            "The catalogue of " + partnership + " has no indicator " + code + ".");
                                }
                                Row d = definitions.iterator().next();
                                boolean byWard = "ward".equals(d.getString("geography_level"));
                                List<String> codes =
                                        new ArrayList<>(List.of(place.area().code()));
                                if (place.district() && byWard) {
                                    district.wards().forEach(w -> codes.add(w.code()));
                                }
                                return tx.preparedQuery("""
                                                SELECT geography, period, source, value FROM measure
                                                 WHERE partnership_id = $1 AND indicator_code = $2
                                                   AND geography = ANY ($3)""")
                                        .execute(Tuple.of(partnership, code)
                                                .addArrayOfString(codes.toArray(String[]::new)))
                                        .flatMap(figures -> tx.preparedQuery("""
                                                        SELECT period, average, lower, upper FROM comparator
                                                         WHERE partnership_id = $1 AND indicator_code = $2
                                                           AND geography = $3""")
                                                .execute(Tuple.of(
                                                        partnership,
                                                        code,
                                                        place.area().code()))
                                                .map(comparators -> new Tagged<>(
                                                        etag,
                                                        clock.changedAt(),
                                                        assemble(
                                                                partnership,
                                                                code,
                                                                d,
                                                                byWard,
                                                                district,
                                                                place,
                                                                query,
                                                                figures,
                                                                comparators))));
                            });
                }));
    }

    private record Place(Area area, boolean district) {}

    private District district(String partnership) {
        return district(registry, geography, partnership);
    }

    /** The partnership's district in the geography file, with its wards. */
    static District district(PartnershipRegistry registry, GeographyFile geography, String partnership) {
        String gss = registry.partnerships().stream()
                .filter(p -> p.id().equals(partnership))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No partnership " + partnership + " in the registry"))
                .gss()
                .code();
        return geography.districts().stream()
                .filter(d -> d.code().equals(gss))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The geography file has no district " + gss));
    }

    /** The district itself (absent: the default) or one of its wards; anything else is a 400 naming geography. */
    private static Place place(District district, String code) {
        if (code == null || code.equals(district.code())) {
            return new Place(new Area(district.code(), district.name()), true);
        }
        return district.wards().stream()
                .filter(w -> w.code().equals(code))
                .findFirst()
                .map(w -> new Place(w, false))
                .orElseThrow(() -> SeriesQuery.invalid(
                        "geography",
                        "must be the partnership's district (" + district.code() + ") or one of its wards"));
    }

    private static SeriesView assemble(
            String partnership,
            String code,
            Row d,
            boolean byWard,
            District district,
            Place place,
            SeriesQuery query,
            Iterable<Row> figures,
            Iterable<Row> comparators) {
        String aggregation = d.getString("aggregation") != null
                ? d.getString("aggregation")
                : MeasuresReader.defaultAggregation(d.getString("unit"));
        ReportingPeriod.Kind kind = ReportingPeriod.Kind.ofFrequency(d.getString("frequency"));
        Optional<Assessment.Basis> basis = MeasuresReader.basis(
                d.getString("polarity"),
                d.getString("frequency"),
                aggregation,
                d.getBigDecimal("tolerance"),
                MeasuresReader.targetsOf(d.getString("targets")));
        if (basis.isEmpty() || kind == null) {
            throw new ProblemException(
                    409,
                    "no-series",
                    "The indicator has no series",
                    code + " is defined without a frequency or polarity (a legacy definition): it has no series.");
        }
        List<Series.Figure> rows = new ArrayList<>();
        for (Row r : figures) {
            rows.add(new Series.Figure(
                    r.getString("geography"), r.getString("period"), r.getString("source"), r.getBigDecimal("value")));
        }
        List<Reading> readings = Series.readings(
                basis.get(), kind, place.area().code(), place.district() && byWard ? district : null, query.to(), rows);
        Map<String, FamilyGroupBand> bands = new LinkedHashMap<>();
        for (Row c : comparators) {
            ReportingPeriod.parse(c.getString("period"))
                    .ifPresent(p -> bands.put(
                            p.label(),
                            new FamilyGroupBand(
                                    c.getBigDecimal("average"), c.getBigDecimal("lower"), c.getBigDecimal("upper"))));
        }
        Series.Result series =
                Series.of(basis.get(), kind, query.from(), query.to(), readings, bands, query.baseline());
        return new SeriesView(
                partnership,
                new SeriesView.Indicator(
                        code,
                        d.getString("title"),
                        d.getString("unit"),
                        d.getString("frequency"),
                        d.getString("polarity")),
                new SeriesView.Place(place.area().code(), place.area().name(), place.district() ? "district" : "ward"),
                query.from().label(),
                query.to().label(),
                series.points(),
                series.control(),
                series.note());
    }
}
