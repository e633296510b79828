package org.csp.gateway.publicfigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.assessment.disclosure.Cell;
import org.csp.assessment.disclosure.CountTable;
import org.csp.assessment.disclosure.DisclosureControl;
import org.csp.gateway.county.FeedRow;
import org.csp.gateway.publicfigures.PublicFiguresView.Count;
import org.csp.gateway.publicfigures.PublicFiguresView.Place;

/**
 * One public indicator's places from the county feed's rows of a period (pure): each district's count (its own, else its
 * wards' rolled up) when the whole quarter is reported and it is a whole number, its wards' when every one of them is
 * and they add up to it; then {@link DisclosureControl} decides, from that period's counts alone, what is shown.
 */
final class PublicTables {

    static final String INCOMPLETE = "not every month of the quarter is reported";
    static final String WARDS_INCOMPLETE = "not every ward of the district is reported, so wards are not shown";

    private PublicTables() {}

    /** A district of the table and its wards, in the geography file's order. */
    record District(String gss, String name, List<org.csp.geography.GeographyFile.Area> wards) {}

    /**
     * The period's counts by place: {@code districtRows} the district rows (by GSS), {@code wardRows} the ward rows (by
     * GSS), {@code byWard} whether the indicator is reported by ward (if not, no ward is listed).
     */
    static Map<String, Count> period(
            List<District> districts,
            Map<String, FeedRow> districtRows,
            Map<String, FeedRow> wardRows,
            boolean byWard,
            long smallestShown) {
        List<org.csp.assessment.disclosure.Area> areas = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Count> answer = new LinkedHashMap<>();
        for (District d : districts) {
            Long total = count(districtRows.get(d.gss()));
            if (total == null) {
                answer.put(d.gss(), Count.missing(INCOMPLETE));
                if (byWard) {
                    d.wards().forEach(w -> answer.put(w.code(), Count.missing(INCOMPLETE)));
                }
                continue;
            }
            areas.add(new org.csp.assessment.disclosure.Area(d.gss(), null));
            counts.put(d.gss(), total);
            if (!byWard) {
                continue;
            }
            Map<String, Long> wards = new LinkedHashMap<>();
            long sum = 0;
            for (var w : d.wards()) {
                Long c = count(wardRows.get(w.code()));
                if (c == null) {
                    wards = null;
                    break;
                }
                wards.put(w.code(), c);
                sum += c;
            }
            if (wards == null || wards.isEmpty() || sum != total) {
                d.wards().forEach(w -> answer.put(w.code(), Count.missing(WARDS_INCOMPLETE)));
                continue;
            }
            wards.forEach((code, c) -> {
                areas.add(new org.csp.assessment.disclosure.Area(code, d.gss()));
                counts.put(code, c);
            });
        }
        if (!areas.isEmpty()) {
            for (Cell cell : DisclosureControl.column(CountTable.of(areas, counts), (int) smallestShown)) {
                answer.put(
                        cell.area(),
                        switch (cell) {
                            case Cell.Published p -> Count.of(p.value());
                            case Cell.Suppressed s ->
                                new Count(null, s.reason().code(), s.reason().describe(smallestShown), null);
                        });
            }
        }
        return answer;
    }

    /** The places of an indicator, each district then its wards, with the two periods' counts. */
    static List<Place> places(List<District> districts, Map<String, Count> quarter, Map<String, Count> lastYear) {
        List<Place> places = new ArrayList<>();
        for (District d : districts) {
            places.add(new Place(d.gss(), d.name(), "district", null, quarter.get(d.gss()), lastYear.get(d.gss())));
            for (var w : d.wards()) {
                if (quarter.containsKey(w.code())) {
                    places.add(new Place(
                            w.code(), w.name(), "ward", d.gss(), quarter.get(w.code()), lastYear.get(w.code())));
                }
            }
        }
        return places;
    }

    /** A row's quarter count: null unless every period is reported and it is a whole number. */
    private static Long count(FeedRow row) {
        if (row == null
                || row.value() == null
                || row.periodsReported() == null
                || !row.periodsReported().equals(row.periodsExpected())) {
            return null;
        }
        BigDecimal value = row.value();
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return value.longValueExact();
    }
}
