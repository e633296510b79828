package org.csp.assessment.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of whole numbers as sorted, disjoint, non-adjacent closed intervals; {@link Long#MAX_VALUE} stands for no upper
 * bound and {@link Long#MIN_VALUE} for no lower bound, and sums and differences saturate at them. Enough arithmetic for
 * the exact values a table's cells can take: a set of sums ({@link #plus}) and of differences ({@link #minus}).
 */
record IntegerSet(List<long[]> intervals) {

    static final long INFINITE = Long.MAX_VALUE;
    static final long NEGATIVE_INFINITE = Long.MIN_VALUE;

    static final IntegerSet EMPTY = new IntegerSet(List.of());
    static final IntegerSet NON_NEGATIVE = range(0, INFINITE);

    IntegerSet {
        intervals = normalised(intervals);
    }

    static IntegerSet point(long value) {
        return range(value, value);
    }

    static IntegerSet range(long from, long to) {
        return from > to ? EMPTY : new IntegerSet(List.<long[]>of(new long[] {from, to}));
    }

    IntegerSet union(IntegerSet other) {
        List<long[]> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return new IntegerSet(all);
    }

    IntegerSet intersect(IntegerSet other) {
        List<long[]> common = new ArrayList<>();
        for (long[] a : intervals) {
            for (long[] b : other.intervals) {
                long from = Math.max(a[0], b[0]);
                long to = Math.min(a[1], b[1]);
                if (from <= to) {
                    common.add(new long[] {from, to});
                }
            }
        }
        return new IntegerSet(common);
    }

    /** Every {@code a + b} with {@code a} here and {@code b} in {@code other}. */
    IntegerSet plus(IntegerSet other) {
        List<long[]> sums = new ArrayList<>();
        for (long[] a : intervals) {
            for (long[] b : other.intervals) {
                sums.add(new long[] {add(a[0], b[0]), add(a[1], b[1])});
            }
        }
        return new IntegerSet(sums);
    }

    /** Every {@code a - b} with {@code a} here and {@code b} in {@code other}. */
    IntegerSet minus(IntegerSet other) {
        List<long[]> differences = new ArrayList<>();
        for (long[] a : intervals) {
            for (long[] b : other.intervals) {
                differences.add(new long[] {add(a[0], negate(b[1])), add(a[1], negate(b[0]))});
            }
        }
        return new IntegerSet(differences);
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** Whether the set holds at least two values. */
    boolean ambiguous() {
        return intervals.size() > 1
                || (intervals.size() == 1 && intervals.get(0)[0] < intervals.get(0)[1]);
    }

    boolean contains(long value) {
        return intervals.stream().anyMatch(i -> i[0] <= value && value <= i[1]);
    }

    private static long negate(long value) {
        return value == INFINITE ? NEGATIVE_INFINITE : value == NEGATIVE_INFINITE ? INFINITE : -value;
    }

    /** A sum that stays at an infinite bound once it reaches one (the inputs never add +∞ to −∞ for a real bound). */
    private static long add(long a, long b) {
        if (a == INFINITE || b == INFINITE) {
            return a == NEGATIVE_INFINITE || b == NEGATIVE_INFINITE ? NEGATIVE_INFINITE : INFINITE;
        }
        if (a == NEGATIVE_INFINITE || b == NEGATIVE_INFINITE) {
            return NEGATIVE_INFINITE;
        }
        return Math.addExact(a, b);
    }

    private static List<long[]> normalised(List<long[]> given) {
        List<long[]> sorted = new ArrayList<>(
                given.stream().filter(i -> i[0] <= i[1]).map(long[]::clone).toList());
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] i : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last[1] == INFINITE || i[0] <= last[1] + 1)) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                merged.add(i);
            }
        }
        return List.copyOf(merged);
    }
}
