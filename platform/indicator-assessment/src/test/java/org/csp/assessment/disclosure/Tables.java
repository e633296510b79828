package org.csp.assessment.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated public tables, from a seeded {@link Random} (the same seed, the same tables): a county (or none: districts
 * alone) with one to {@code maxDistricts} districts, each with no wards (its own figure) or one to {@code maxWards}
 * wards it is the sum of; counts with many small ones (half from 1 to 12, a fifth 0, the rest up to 40), so that
 * suppression, complements and cascades are common.
 */
final class Tables {

    static final String COUNTY = "E10000013";

    /** The thresholds an indicator may have: none, below 10, 10 and above. */
    private static final List<Integer> THRESHOLDS = java.util.Arrays.asList(null, 0, 5, 10, 11, 15, 20);

    private final Random random;

    Tables(long seed) {
        this.random = new Random(seed);
    }

    /** A district's shape: its own count when it has no wards, else its wards' counts. */
    record District(long own, List<Long> wards) {}

    long count() {
        int pick = random.nextInt(10);
        if (pick < 2) {
            return 0;
        }
        return pick < 7 ? 1 + random.nextInt(12) : 13 + random.nextInt(28);
    }

    District district(int maxWards) {
        long own = count();
        int wards = random.nextInt(maxWards + 1);
        List<Long> counts = new ArrayList<>();
        for (int w = 0; w < wards; w++) {
            counts.add(count());
        }
        return new District(own, counts);
    }

    CountTable table(int maxDistricts, int maxWards) {
        boolean county = random.nextInt(3) < 2;
        int districts = 1 + random.nextInt(maxDistricts);
        List<District> shape = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
            shape.add(district(maxWards));
        }
        return table(county, shape);
    }

    Integer threshold() {
        return THRESHOLDS.get(random.nextInt(THRESHOLDS.size()));
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
