package org.csp.gateway.publicfigures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.csp.assessment.disclosure.DisclosureControl;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.gateway.county.CountyFeeds;
import org.csp.gateway.county.CountyReference.CoreIndicators;
import org.csp.gateway.county.FeedQuery;
import org.csp.gateway.county.FeedRow;
import org.csp.gateway.county.FeedRows;
import org.csp.gateway.publicfigures.PublicFiguresView.Count;
import org.csp.gateway.publicfigures.PublicTables.District;
import org.csp.gateway.quarterly.QuarterlyViewProjection;
import org.csp.gateway.quarterly.ViewCache;
import org.csp.gateway.quarterly.ViewClock;
import org.csp.gateway.views.PartnershipViews.Tagged;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;

/**
 * Reads the public figures of a quarter from the live generation of the quarterly projection: the indicators some
 * partnership's catalogue marks public (counts only), assessed as the county feed's district and ward rows, put
 * through disclosure control a period at a time. Answers are kept by their tag (the projection's generation and tick
 * with the quarter), so a burst of residents costs one computation.
 */
@ApplicationScoped
public class PublicFigures {

    static final String FORMAT = "public-figures/1";

    static final String ABOUT = "Counts of crime and anti-social behaviour recorded in each district and ward, for the"
            + " quarter and the same quarter a year earlier. Counts from 1 to 9 (or higher, where an indicator says so)"
            + " are not shown, to protect the people they are about, and nor is any count that would let one of them"
            + " be worked out from the totals or the other places.";

    /** How many answers are kept (a few quarters are asked for at once). */
    private static final int KEPT = 16;

    private final Pool pool;
    private final PartnershipRegistry registry;
    private final GeographyFile geography;
    private final CoreIndicators core;
    private final ViewCache kept;

    public PublicFigures(
            Pool pool, PartnershipRegistry registry, GeographyFile geography, CoreIndicators core, ObjectMapper json) {
        this.kept = new ViewCache(json, KEPT);
        this.pool = pool;
        this.registry = registry;
        this.geography = geography;
        this.core = core;
    }

    public Uni<Tagged<byte[]>> read(FinancialQuarter quarter, String ifNoneMatch) {
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    String etag = clock.etag(FORMAT, quarter.pathId(), "json");
                    if (ViewClock.matches(ifNoneMatch, etag)) {
                        return Uni.createFrom().item(new Tagged<byte[]>(etag, clock.changedAt(), null));
                    }
                    return kept.get(etag, () -> compute(tx, quarter))
                            .map(view -> new Tagged<>(etag, clock.changedAt(), view));
                }));
    }

    /** A public indicator: its title, whether it is reported by ward, its threshold and the partnerships marking it. */
    private record Public(String title, boolean byWard, long smallestShown, List<String> partnerships) {}

    private Uni<PublicFiguresView> compute(SqlConnection tx, FinancialQuarter quarter) {
        FinancialQuarter lastYear = new FinancialQuarter(quarter.startYear() - 1, quarter.quarter());
        return tx.query("""
                        SELECT partnership_id, code, title, geography_level, disclosure_threshold FROM indicator
                         WHERE public AND unit = 'count' ORDER BY code, partnership_id""").execute().flatMap(rows -> {
            Map<String, Public> indicators = new TreeMap<>();
            for (Row r : rows) {
                Integer threshold = r.getInteger("disclosure_threshold");
                indicators.merge(
                        r.getString("code"),
                        new Public(
                                r.getString("title"),
                                "ward".equals(r.getString("geography_level")),
                                DisclosureControl.smallestShown(threshold),
                                List.of(r.getString("partnership_id"))),
                        (a, b) -> new Public(
                                a.title(),
                                a.byWard() && b.byWard(),
                                Math.max(a.smallestShown(), b.smallestShown()),
                                concat(a.partnerships(), b.partnerships())));
            }
            if (indicators.isEmpty()) {
                return Uni.createFrom().item(view(quarter, lastYear, indicators, Map.of(), Map.of()));
            }
            return rows(tx, quarter, indicators)
                    .flatMap(now -> rows(tx, lastYear, indicators)
                            .map(before -> view(quarter, lastYear, indicators, now, before)));
        });
    }

    /** The period's district and ward rows of the public indicators, by code and place. */
    private Uni<Map<String, Map<String, FeedRow>>> rows(
            SqlConnection tx, FinancialQuarter quarter, Map<String, Public> indicators) {
        String[] partnerships =
                registry.partnerships().stream().map(Partnership::id).toArray(String[]::new);
        String[] codes = indicators.keySet().toArray(String[]::new);
        return CountyFeeds.inputs(tx, quarter, partnerships, codes, null).map(inputs -> {
            Map<String, Map<String, FeedRow>> byCode = new TreeMap<>();
            for (FeedQuery.Level level : List.of(FeedQuery.Level.DISTRICT, FeedQuery.Level.WARD)) {
                FeedQuery query = new FeedQuery(quarter, level, FeedQuery.Indicators.ALL, null);
                for (FeedRow row : FeedRows.of(query, registry, geography, core.codes(), inputs)) {
                    if (indicators.get(row.indicator()).partnerships().contains(row.partnership())) {
                        byCode.computeIfAbsent(row.indicator(), c -> new LinkedHashMap<>())
                                .put(row.geography(), row);
                    }
                }
            }
            return byCode;
        });
    }

    private PublicFiguresView view(
            FinancialQuarter quarter,
            FinancialQuarter lastYear,
            Map<String, Public> indicators,
            Map<String, Map<String, FeedRow>> now,
            Map<String, Map<String, FeedRow>> before) {
        List<PublicFiguresView.Indicator> list = new ArrayList<>();
        indicators.forEach((code, p) -> {
            List<District> districts = registry.partnerships().stream()
                    .filter(partnership -> p.partnerships().contains(partnership.id()))
                    .map(partnership -> geography.districts().stream()
                            .filter(d -> d.code().equals(partnership.gss().code()))
                            .findFirst()
                            .map(d -> new District(d.code(), d.name(), d.wards()))
                            .orElseThrow())
                    .toList();
            Map<String, Count> thisQuarter = period(districts, now.getOrDefault(code, Map.of()), p);
            Map<String, Count> sameQuarterLastYear = period(districts, before.getOrDefault(code, Map.of()), p);
            list.add(new PublicFiguresView.Indicator(
                    code,
                    p.title(),
                    p.smallestShown(),
                    PublicTables.places(districts, thisQuarter, sameQuarterLastYear)));
        });
        return new PublicFiguresView(quarter.label(), lastYear.label(), ABOUT, list);
    }

    private static Map<String, Count> period(List<District> districts, Map<String, FeedRow> rows, Public p) {
        Map<String, FeedRow> byDistrict = rows.values().stream()
                .filter(r -> "district".equals(r.level()))
                .collect(Collectors.toMap(FeedRow::geography, r -> r));
        Map<String, FeedRow> byWard = rows.values().stream()
                .filter(r -> "ward".equals(r.level()))
                .collect(Collectors.toMap(FeedRow::geography, r -> r));
        return PublicTables.period(districts, byDistrict, byWard, p.byWard(), p.smallestShown());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
