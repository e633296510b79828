package org.csp.measures.comparator;

import java.math.BigDecimal;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to a comparator: the stored and published contract. */
public sealed interface ComparatorEvent {

    EventTypes<ComparatorEvent> TYPES = EventTypes.<ComparatorEvent>builder()
            .register(MeasuresEventTypes.COMPARATOR_RECORDED_V1, ComparatorRecorded.class)
            .build();

    /**
     * The Most Similar Family Group's figures for an indicator, period and geography (the partnership's district): the
     * group average and the upper and lower limits of the "similar" band. A new revision each time they change.
     */
    record ComparatorRecorded(
            String indicatorCode,
            String period,
            String geography,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            String submittedBy,
            int revision)
            implements ComparatorEvent {}
}
