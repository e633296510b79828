package org.csp.assessment.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What someone who knows the rules can work out of a table with some cells suppressed: for every cell, exactly the set
 * of values it can take given every published count, every sum of the table, and what each suppressed cell's reason
 * says (a primary one is from 1 to the threshold less one; a secondary one is not, so it is 0 or at least the
 * threshold). The sums form a tree (a county of districts, a district of wards), so the sets are exact from two passes:
 * up, the values each area's subtree allows ({@code within}); down, the values the rest of the table leaves it
 * ({@code values}). Values are sets of intervals, so there is no bound on the counts and no enumeration.
 */
final class FeasibleValues {

    private FeasibleValues() {}

    /** The values each cell can take; {@code hidden} the suppressed cells with their reasons. */
    static Map<String, IntegerSet> of(CountTable table, Map<String, Cell.Reason> hidden, long smallestShown) {
        Map<String, IntegerSet> own = new HashMap<>();
        for (String code : table.areas().keySet()) {
            Cell.Reason reason = hidden.get(code);
            own.put(
                    code,
                    reason == null
                            ? IntegerSet.point(table.counts().get(code))
                            : reason == Cell.Reason.PRIMARY
                                    ? IntegerSet.range(1, smallestShown - 1)
                                    : IntegerSet.point(0).union(IntegerSet.range(smallestShown, IntegerSet.INFINITE)));
        }
        Map<String, List<String>> parts = new HashMap<>();
        table.relations().forEach(r -> parts.put(r.whole(), r.parts()));
        Map<String, IntegerSet> within = new HashMap<>();
        Map<String, IntegerSet> values = new HashMap<>();
        for (String code : table.areas().keySet()) {
            if (table.parent(code) == null) {
                up(code, own, parts, within);
                down(code, IntegerSet.NON_NEGATIVE, own, parts, within, values);
            }
        }
        return values;
    }

    /** The cells whose value can be worked out: exactly one value is possible. */
    static Set<String> recoverable(CountTable table, Map<String, Cell.Reason> hidden, long smallestShown) {
        Map<String, IntegerSet> values = of(table, hidden, smallestShown);
        return hidden.keySet().stream()
                .filter(code -> !values.get(code).ambiguous())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private static IntegerSet up(
            String code, Map<String, IntegerSet> own, Map<String, List<String>> parts, Map<String, IntegerSet> within) {
        IntegerSet set = own.get(code);
        List<String> of = parts.get(code);
        if (of != null) {
            IntegerSet sum = IntegerSet.point(0);
            for (String part : of) {
                sum = sum.plus(up(part, own, parts, within));
            }
            set = set.intersect(sum);
        }
        within.put(code, set);
        return set;
    }

    /** {@code outside}: the values of {@code code} the table outside its subtree allows. */
    private static void down(
            String code,
            IntegerSet outside,
            Map<String, IntegerSet> own,
            Map<String, List<String>> parts,
            Map<String, IntegerSet> within,
            Map<String, IntegerSet> values) {
        values.put(code, within.get(code).intersect(outside));
        List<String> of = parts.get(code);
        if (of == null) {
            return;
        }
        IntegerSet whole = own.get(code).intersect(outside);
        for (String part : of) {
            IntegerSet others = IntegerSet.point(0);
            for (String other : of) {
                if (!other.equals(part)) {
                    others = others.plus(within.get(other));
                }
            }
            down(part, whole.minus(others).intersect(IntegerSet.NON_NEGATIVE), own, parts, within, values);
        }
    }
}
