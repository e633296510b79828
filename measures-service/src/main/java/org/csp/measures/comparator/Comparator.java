package org.csp.measures.comparator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.csp.eventsourcing.Decider;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;

/** A comparator's current revision and the pure rule for recording one: different figures are a new revision. */
public record Comparator(ComparatorRecorded current) {

    /**
     * Record the group's figures for a period, already validated ({@link ComparatorRules}); {@code value},
     * {@code rank}, {@code groupSize} and {@code source} may be null.
     */
    public record RecordComparator(
            String indicatorCode,
            String period,
            String geography,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize,
            String source,
            String submittedBy) {}

    public static final Decider<RecordComparator, ComparatorEvent, Comparator> DECIDER = new Decider<>() {
        @Override
        public Comparator initialState() {
            return new Comparator(null);
        }

        @Override
        public Comparator evolve(Comparator state, ComparatorEvent event) {
            return new Comparator((ComparatorRecorded) event);
        }

        /** The same figures (2.50 is 2.5) change nothing, whoever sends them and through whichever source. */
        @Override
        public List<ComparatorEvent> decide(RecordComparator c, Comparator state) {
            ComparatorRecorded now = state.current();
            if (now != null
                    && same(now.value(), c.value())
                    && same(now.average(), c.average())
                    && same(now.lower(), c.lower())
                    && same(now.upper(), c.upper())
                    && Objects.equals(now.rank(), c.rank())
                    && Objects.equals(now.groupSize(), c.groupSize())) {
                return List.of();
            }
            return List.of(new ComparatorRecorded(
                    c.indicatorCode(),
                    c.period(),
                    c.geography(),
                    c.value(),
                    c.average(),
                    c.lower(),
                    c.upper(),
                    c.rank(),
                    c.groupSize(),
                    c.source(),
                    c.submittedBy(),
                    now == null ? 1 : now.revision() + 1));
        }
    };

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
