package org.csp.assessment.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.csp.assessment.disclosure.Cell.Reason;
import org.csp.assessment.disclosure.CountTable.Relation;

/**
 * Statistical disclosure control of a public table of counts: which counts are published and which suppressed, so
 * that no suppressed count can be worked out. Each period is decided from its own counts alone ({@link #column}), so a
 * quarter published again a year later as "the same quarter last year" is suppressed exactly as it was, and the two
 * columns never have to be read together. The rules, applied until none changes anything:
 * <ol>
 *   <li><b>Primary</b>: a count from 1 to {@link #smallestShown} less one is suppressed (ONS practice: 1 to 9; an
 *       indicator's own disclosure threshold may raise it). 0 is published.
 *   <li><b>No lone suppression</b>: in every sum of the table (a county and its districts, a district and its wards)
 *       the number of suppressed cells is never exactly one, else the sum gives it away. The complement is the smallest
 *       published part other than it (the smallest part when it is the whole); the whole when no other part is
 *       published.
 *   <li><b>No recoverable cell</b>: someone who knows these rules knows more than the sums: a primary cell is from 1 to
 *       the threshold less one, a secondary one is 0 or at least the threshold. Two suppressed parts that add up to 2
 *       are both 1; a primary cell beside a secondary 0 is the sum's remainder. So every suppressed cell's exact set of
 *       possible values ({@link FeasibleValues}: every sum, every published count, every reason, non-negative
 *       counts) must hold more than one value; when one holds a single value, another cell of a sum it is in is
 *       suppressed: a published part of the same whole, else the whole, else one of its own parts.
 * </ol>
 * The complement is always the smallest count that is not 0 (then a 0), equal counts by area code: a suppressed 0
 * protects nothing below the threshold, since it is known to be 0 or at least the threshold.
 */
public final class DisclosureControl {

    /** The smallest count ONS practice shows: 1 to 9 are suppressed. */
    public static final long ONS_SMALLEST_SHOWN = 10;

    private DisclosureControl() {}

    /**
     * The smallest non-zero count a table shows: the indicator's disclosure threshold ("the smallest count public output
     * is to show") where it is above 10, else 10. Counts from 1 to one less are suppressed.
     */
    public static long smallestShown(Integer disclosureThreshold) {
        return disclosureThreshold == null ? ONS_SMALLEST_SHOWN : Math.max(ONS_SMALLEST_SHOWN, disclosureThreshold);
    }

    /** Each period's column of cells, by period, each decided from that period's counts alone. */
    public static Map<String, List<Cell>> publish(Map<String, CountTable> periods, Integer disclosureThreshold) {
        Map<String, List<Cell>> published = new LinkedHashMap<>();
        periods.forEach((period, table) -> published.put(period, column(table, disclosureThreshold)));
        return published;
    }

    /** One period's cells, in area code order: each published with its count or suppressed with the reason. */
    public static List<Cell> column(CountTable table, Integer disclosureThreshold) {
        long smallestShown = smallestShown(disclosureThreshold);
        Map<String, Reason> hidden = new TreeMap<>();
        table.counts().forEach((code, count) -> {
            if (count >= 1 && count < smallestShown) {
                hidden.put(code, Reason.PRIMARY);
            }
        });
        while (hideLoneSuppression(table, hidden) || hideForRecoverable(table, hidden, smallestShown)) {
            // until no rule suppresses anything more
        }
        List<Cell> cells = new ArrayList<>();
        table.counts()
                .forEach((code, count) -> cells.add(
                        hidden.containsKey(code)
                                ? new Cell.Suppressed(code, hidden.get(code))
                                : new Cell.Published(code, count)));
        return Collections.unmodifiableList(cells);
    }

    /** Rule 2: the first sum with exactly one suppressed cell gets a complement; false when there is none. */
    private static boolean hideLoneSuppression(CountTable table, Map<String, Reason> hidden) {
        for (Relation relation : table.relations()) {
            List<String> suppressed =
                    relation.cells().stream().filter(hidden::containsKey).toList();
            if (suppressed.size() == 1) {
                String lone = suppressed.get(0);
                List<String> parts = published(table, relation.parts(), hidden);
                hidden.put(parts.isEmpty() ? relation.whole() : smallest(table, parts, lone), Reason.SECONDARY);
                return true;
            }
        }
        return false;
    }

    /** Rule 3: a complement for the first recoverable cell that has one; false when no cell is recoverable. */
    private static boolean hideForRecoverable(CountTable table, Map<String, Reason> hidden, long smallestShown) {
        Set<String> recoverable = FeasibleValues.recoverable(table, hidden, smallestShown);
        if (recoverable.isEmpty()) {
            return false;
        }
        Map<String, List<String>> parts = new TreeMap<>();
        table.relations().forEach(r -> parts.put(r.whole(), r.parts()));
        for (String cell : recoverable) {
            String parent = table.parent(cell);
            List<List<String>> candidates = new ArrayList<>();
            if (parent != null) {
                candidates.add(published(table, parts.get(parent), hidden));
                candidates.add(published(table, List.of(parent), hidden));
            }
            candidates.add(published(table, parts.getOrDefault(cell, List.of()), hidden));
            for (List<String> among : candidates) {
                if (!among.isEmpty()) {
                    hidden.put(smallest(table, among, null), Reason.SECONDARY);
                    return true;
                }
            }
        }
        // every sum each recoverable cell is in is suppressed whole: widen to the rest of its tree
        String cell = recoverable.iterator().next();
        String root = cell;
        while (table.parent(root) != null) {
            root = table.parent(root);
        }
        List<String> tree = new ArrayList<>();
        for (String code : table.areas().keySet()) {
            String top = code;
            while (table.parent(top) != null) {
                top = table.parent(top);
            }
            if (top.equals(root)) {
                tree.add(code);
            }
        }
        List<String> among = published(table, tree, hidden);
        if (among.isEmpty()) {
            throw new IllegalStateException("cannot protect the count of " + cell);
        }
        hidden.put(smallest(table, among, null), Reason.SECONDARY);
        return true;
    }

    /**
     * The published cells of {@code codes} that can be complements: not a 0 whose whole is primary, which everyone
     * would know to be 0 once suppressed (it is 0 or at least the threshold, and part of less than the threshold).
     */
    private static List<String> published(CountTable table, List<String> codes, Map<String, Reason> hidden) {
        return codes.stream()
                .filter(code -> !hidden.containsKey(code))
                .filter(code -> table.counts().get(code) != 0
                        || table.parent(code) == null
                        || hidden.get(table.parent(code)) != Reason.PRIMARY)
                .toList();
    }

    /** The complement among {@code codes} (but {@code not}): the smallest count that is not 0, then a 0; ties by code. */
    private static String smallest(CountTable table, List<String> codes, String not) {
        Comparator<String> order = Comparator.<String, Boolean>comparing(
                        code -> table.counts().get(code) == 0)
                .thenComparing(table.smallestFirst());
        return codes.stream().filter(code -> !code.equals(not)).min(order).orElseThrow();
    }
}
