package org.csp.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.csp.calendar.FinancialQuarter;

/**
 * A district's figures for an indicator reported by ward. For each period and source, the district's own figure where
 * one was posted; otherwise its wards' figures for that period and source taken together (added up for a sum, averaged
 * otherwise, as the figures of several sources are). Never both: a posted district figure stands instead of its wards',
 * so no case is counted twice. The same rule serves a county made of districts.
 */
public final class AreaRollUp {

    private AreaRollUp() {}

    /** Where a quarter's figures of an area came from, and how many of its parts reported. */
    public enum From implements org.csp.codes.Coded {
        /** The area's own figures only. */
        OWN,
        /** Its parts' figures only, rolled up. */
        PARTS,
        /** Some periods or sources from its own figures, the others from its parts'. */
        OWN_AND_PARTS,
        /** No figure at all. */
        NONE
    }

    /**
     * How complete a quarter's figure of an area is: where it came from, and how many of its parts (wards of a
     * district, districts of a county) have a figure in the quarter that was used, of how many it has.
     */
    public record Coverage(From from, int partsReported, int partsExpected) {}

    /** The area's readings (its own and its parts' rolled up) and the coverage of {@code quarter}. */
    public record Result(List<Reading> readings, Coverage coverage) {}

    /**
     * {@code own}: the area's own readings; {@code parts}: each part's readings by its code; {@code partsExpected}:
     * how many parts the area has.
     */
    public static Result of(
            Assessment.Basis basis,
            FinancialQuarter quarter,
            List<Reading> own,
            Map<String, List<Reading>> parts,
            int partsExpected) {
        Set<Key> posted = new TreeSet<>();
        own.forEach(r -> posted.add(Key.of(r)));
        Map<Key, List<Reading>> rolled = new TreeMap<>();
        Map<Key, Set<String>> reporting = new TreeMap<>();
        parts.forEach((part, readings) -> readings.stream()
                .filter(r -> !posted.contains(Key.of(r)))
                .forEach(r -> {
                    rolled.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r);
                    reporting.computeIfAbsent(Key.of(r), k -> new TreeSet<>()).add(part);
                }));
        List<Reading> readings = new ArrayList<>(own);
        rolled.forEach((key, values) -> readings.add(new Reading(
                values.getFirst().period(),
                key.firstDay(),
                key.source(),
                basis.aggregation() == Aggregation.SUM
                        ? Aggregation.SUM.rollUp(values)
                        : Aggregation.MEAN.rollUp(values))));
        readings.sort(Aggregation.BY_PERIOD);

        boolean ownInQuarter = posted.stream().anyMatch(k -> Assessment.within(basis, quarter, k.firstDay()));
        Set<String> partsInQuarter = new TreeSet<>();
        reporting.forEach((key, reported) -> {
            if (Assessment.within(basis, quarter, key.firstDay())) {
                partsInQuarter.addAll(reported);
            }
        });
        From from = ownInQuarter
                ? (partsInQuarter.isEmpty() ? From.OWN : From.OWN_AND_PARTS)
                : (partsInQuarter.isEmpty() ? From.NONE : From.PARTS);
        return new Result(List.copyOf(readings), new Coverage(from, partsInQuarter.size(), partsExpected));
    }

    /** A period (by its first day) and a source (null where a figure names none): what one figure stands for. */
    private record Key(LocalDate firstDay, String source) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::firstDay)
                .thenComparing(Key::source, Comparator.nullsFirst(Comparator.naturalOrder()));

        static Key of(Reading r) {
            return new Key(r.firstDay(), r.source());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
