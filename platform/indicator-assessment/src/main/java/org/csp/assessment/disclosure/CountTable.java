package org.csp.assessment.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One period's counts of an indicator by area, as a hierarchy in which every area that has parts in the table is the
 * sum of them: a county of its districts, a district of its wards. The table is refused when an area's count is not
 * exactly its parts' (a district whose wards are not all reported is given without its wards: what the district's
 * figure leaves over would bound the wards left out) or an area's part is listed twice.
 */
public record CountTable(Map<String, Area> areas, Map<String, Long> counts) {

    public CountTable {
        areas = Collections.unmodifiableMap(new TreeMap<>(areas));
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        if (!areas.keySet().equals(counts.keySet())) {
            throw new IllegalArgumentException("every area of the table needs a count, and every count an area");
        }
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (count.getValue() == null || count.getValue() < 0) {
                throw new IllegalArgumentException("the count of " + count.getKey() + " is not a count");
            }
        }
        Map<String, Long> sums = new TreeMap<>();
        for (Area area : areas.values()) {
            String parent = parentIn(areas, area);
            if (parent != null) {
                sums.merge(parent, counts.get(area.code()), Math::addExact);
            }
        }
        for (Map.Entry<String, Long> sum : sums.entrySet()) {
            if (!sum.getValue().equals(counts.get(sum.getKey()))) {
                throw new IllegalArgumentException("the count of " + sum.getKey() + " (" + counts.get(sum.getKey())
                        + ") is not the sum of its parts' (" + sum.getValue() + ")");
            }
        }
        for (String code : areas.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String at = code; at != null; at = parentIn(areas, areas.get(at))) {
                if (!seen.add(at)) {
                    throw new IllegalArgumentException(code + " is part of itself");
                }
            }
        }
    }

    /** A table of {@code areas} with {@code counts} by code, in the areas' order. */
    public static CountTable of(List<Area> areas, Map<String, Long> counts) {
        Map<String, Area> byCode = new LinkedHashMap<>();
        for (Area area : areas) {
            if (byCode.put(area.code(), area) != null) {
                throw new IllegalArgumentException(area.code() + " is listed twice");
            }
        }
        return new CountTable(byCode, counts);
    }

    /** The area {@code code} is part of in this table, or null. */
    String parent(String code) {
        return parentIn(areas, areas.get(code));
    }

    /**
     * Every sum the table holds: an area with its parts, the parts by code. Ordered by the area's code, so that what is
     * decided from them never depends on the order the areas were given in.
     */
    List<Relation> relations() {
        Map<String, List<String>> parts = new TreeMap<>();
        for (String code : areas.keySet()) {
            String parent = parent(code);
            if (parent != null) {
                parts.computeIfAbsent(parent, p -> new ArrayList<>()).add(code);
            }
        }
        List<Relation> relations = new ArrayList<>();
        parts.forEach((whole, of) ->
                relations.add(new Relation(whole, of.stream().sorted().toList())));
        return relations;
    }

    /** The codes of the areas from the smallest count up, equal counts by code. */
    Comparator<String> smallestFirst() {
        return Comparator.<String>comparingLong(counts::get).thenComparing(Comparator.naturalOrder());
    }

    /** {@code whole} is the sum of {@code parts}. */
    record Relation(String whole, List<String> parts) {

        List<String> cells() {
            List<String> cells = new ArrayList<>(parts);
            cells.add(whole);
            return cells;
        }
    }

    private static String parentIn(Map<String, Area> areas, Area area) {
        return area.parent() != null && areas.containsKey(area.parent()) ? area.parent() : null;
    }
}
