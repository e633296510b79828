package org.csp.assessment.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated public tables: a county (or none: districts alone) with one to four districts, each with no wards (its own
 * figure) or one to five wards it is the sum of; counts with many small ones (half from 1 to 12, a fifth 0, the rest up
 * to 40), so that suppression, complements and cascades are common.
 */
final class Tables {

    static final String COUNTY = "E10000013";

    private Tables() {}

    /** A district's shape: its own count when it has no wards, else its wards' counts. */
    record District(long own, List<Long> wards) {}

    static Arbitrary<Long> count() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 12)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(13, 40)));
    }

    static Arbitrary<District> district(int maxWards) {
        return Combinators.combine(count(), count().list().ofMinSize(0).ofMaxSize(maxWards))
                .as(District::new);
    }

    static Arbitrary<CountTable> tables(int maxDistricts, int maxWards) {
        return Combinators.combine(
                        Arbitraries.of(true, true, false),
                        district(maxWards).list().ofMinSize(1).ofMaxSize(maxDistricts))
                .as(Tables::table);
    }

    /** The thresholds an indicator may have: none, below 10, 10 and above. */
    static Arbitrary<Integer> thresholds() {
        return Arbitraries.of(null, 0, 5, 10, 11, 15, 20);
    }

    static CountTable table(boolean county, List<District> districts) {
        List<Area> areas = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (int d = 0; d < districts.size(); d++) {
            String code = "E0700008" + d;
            District district = districts.get(d);
            long sum = district.wards().isEmpty() ? district.own() : 0;
            for (int w = 0; w < district.wards().size(); w++) {
                String ward = "E0500" + d + "00" + w;
                areas.add(new Area(ward, code));
                counts.put(ward, district.wards().get(w));
                sum += district.wards().get(w);
            }
            areas.add(new Area(code, county ? COUNTY : null));
            counts.put(code, sum);
            total += sum;
        }
        if (county) {
            areas.add(new Area(COUNTY, null));
            counts.put(COUNTY, total);
        }
        return CountTable.of(areas, counts);
    }
}
