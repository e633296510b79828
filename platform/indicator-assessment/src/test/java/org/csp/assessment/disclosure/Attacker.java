package org.csp.assessment.disclosure;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an attacker who knows the rules can work out of a published column, written apart from the code under test:
 * the exact set of values each suppressed cell can take, given every published count, every sum of the table
 * (a whole is the sum of its parts), non-negative counts, and the reasons: a primary cell is from 1 to the threshold
 * less one, a secondary cell is not (so 0 or at least the threshold).
 *
 * <p>Exact by dynamic programming over the tree of sums, on bit sets of the values 0 to {@code cap}: bottom-up, the
 * values an area's subtree allows (its own set cut to the sums its parts can make); top-down, the values the rest of the
 * table leaves each area. A tree has no cycles, so the subtrees are independent once their root's value is fixed and
 * both passes are exact. The only approximation is the cap (the table's total plus three times the threshold): it can
 * only remove possible values, so it can make a cell look recoverable but never hide one that is.
 * {@link #bruteForce} checks the passes against plain enumeration on small tables.
 */
final class Attacker {

    private final CountTable table;
    private final Map<String, Cell> cells = new TreeMap<>();
    private final long smallestShown;
    private final int cap;

    Attacker(CountTable table, List<Cell> published, long smallestShown) {
        this.table = table;
        published.forEach(c -> cells.put(c.area(), c));
        this.smallestShown = smallestShown;
        long total = 0;
        for (String code : table.areas().keySet()) {
            if (table.parent(code) == null) {
                total += table.counts().get(code);
            }
        }
        this.cap = Math.toIntExact(total + 3 * smallestShown);
    }

    /** The values each area can take, 0 to the cap. */
    Map<String, BitSet> possibleValues() {
        Map<String, List<String>> parts = new HashMap<>();
        table.relations().forEach(r -> parts.put(r.whole(), r.parts()));
        Map<String, BitSet> within = new HashMap<>();
        Map<String, BitSet> values = new TreeMap<>();
        for (String code : table.areas().keySet()) {
            if (table.parent(code) == null) {
                up(code, parts, within);
                BitSet all = new BitSet();
                all.set(0, cap + 1);
                down(code, all, parts, within, values);
            }
        }
        return values;
    }

    /** What the cell's reason and published value allow. */
    BitSet own(String code) {
        BitSet set = new BitSet();
        switch (cells.get(code)) {
            case Cell.Published p -> set.set(Math.toIntExact(p.value()));
            case Cell.Suppressed s when s.reason() == Cell.Reason.PRIMARY -> set.set(1, (int) smallestShown);
            case Cell.Suppressed s -> {
                set.set(0);
                set.set((int) smallestShown, cap + 1);
            }
        }
        return set;
    }

    private BitSet up(String code, Map<String, List<String>> parts, Map<String, BitSet> within) {
        BitSet set = own(code);
        List<String> of = parts.get(code);
        if (of != null) {
            BitSet sum = new BitSet();
            sum.set(0);
            for (String part : of) {
                sum = sum(sum, up(part, parts, within));
            }
            set.and(sum);
        }
        within.put(code, set);
        return set;
    }

    private void down(
            String code,
            BitSet outside,
            Map<String, List<String>> parts,
            Map<String, BitSet> within,
            Map<String, BitSet> values) {
        BitSet value = (BitSet) within.get(code).clone();
        value.and(outside);
        values.put(code, value);
        List<String> of = parts.get(code);
        if (of == null) {
            return;
        }
        BitSet whole = own(code);
        whole.and(outside);
        for (String part : of) {
            BitSet others = new BitSet();
            others.set(0);
            for (String other : of) {
                if (!other.equals(part)) {
                    others = sum(others, within.get(other));
                }
            }
            down(part, difference(whole, others), parts, within, values);
        }
    }

    private BitSet sum(BitSet a, BitSet b) {
        BitSet sum = new BitSet();
        for (int x = a.nextSetBit(0); x >= 0; x = a.nextSetBit(x + 1)) {
            for (int y = b.nextSetBit(0); y >= 0 && x + y <= cap; y = b.nextSetBit(y + 1)) {
                sum.set(x + y);
            }
        }
        return sum;
    }

    /** Every {@code a - b} that is not negative. */
    private static BitSet difference(BitSet a, BitSet b) {
        BitSet difference = new BitSet();
        for (int y = b.nextSetBit(0); y >= 0; y = b.nextSetBit(y + 1)) {
            difference.or(a.get(y, Math.max(y, a.length())));
        }
        return difference;
    }

    /**
     * The same sets by trying every value from 0 to {@code cap} for every suppressed cell (published cells keep their
     * values), keeping the assignments that satisfy every sum and every reason. For small tables only.
     */
    Map<String, BitSet> bruteForce() {
        List<String> unknown = cells.values().stream()
                .filter(c -> c instanceof Cell.Suppressed)
                .map(Cell::area)
                .toList();
        Map<String, BitSet> values = new TreeMap<>();
        table.areas().keySet().forEach(code -> values.put(code, new BitSet()));
        Map<String, Long> assignment = new HashMap<>();
        cells.values().forEach(c -> {
            if (c instanceof Cell.Published p) {
                assignment.put(p.area(), p.value());
            }
        });
        enumerate(unknown, 0, assignment, values);
        return values;
    }

    private void enumerate(List<String> unknown, int next, Map<String, Long> assignment, Map<String, BitSet> values) {
        if (next == unknown.size()) {
            for (CountTable.Relation r : table.relations()) {
                long sum = r.parts().stream().mapToLong(assignment::get).sum();
                if (sum != assignment.get(r.whole())) {
                    return;
                }
            }
            assignment.forEach((code, v) -> values.get(code).set(Math.toIntExact(v)));
            return;
        }
        String code = unknown.get(next);
        BitSet allowed = own(code);
        for (int v = allowed.nextSetBit(0); v >= 0; v = allowed.nextSetBit(v + 1)) {
            assignment.put(code, (long) v);
            enumerate(unknown, next + 1, assignment, values);
        }
        assignment.remove(code);
    }
}
