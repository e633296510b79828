package org.csp.measures.comparator;

import java.math.BigDecimal;
import java.util.List;
import org.csp.eventsourcing.Decider;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;

/** A comparator's current revision and the pure rule for recording one: different figures are a new revision. */
public record Comparator(ComparatorRecorded current) {

    /** Record the group's figures for a period, already validated. */
    public record RecordComparator(
            String indicatorCode,
            String period,
            String geography,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
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

        @Override
        public List<ComparatorEvent> decide(RecordComparator c, Comparator state) {
            ComparatorRecorded now = state.current();
            if (now != null
                    && now.average().compareTo(c.average()) == 0
                    && now.lower().compareTo(c.lower()) == 0
                    && now.upper().compareTo(c.upper()) == 0) {
                return List.of();
            }
            return List.of(new ComparatorRecorded(
                    c.indicatorCode(),
                    c.period(),
                    c.geography(),
                    c.average(),
                    c.lower(),
                    c.upper(),
                    c.submittedBy(),
                    now == null ? 1 : now.revision() + 1));
        }
    };
}
