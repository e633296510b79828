package org.csp.measures.comparator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to a comparator: the stored and published contract. */
public sealed interface ComparatorEvent {

    EventTypes<ComparatorEvent> TYPES = EventTypes.<ComparatorEvent>builder()
            .register(MeasuresEventTypes.COMPARATOR_RECORDED_V2, ComparatorRecorded.class)
            .upcast(
                    MeasuresEventTypes.COMPARATOR_RECORDED_V1,
                    MeasuresEventTypes.COMPARATOR_RECORDED_V2,
                    ComparatorEvent::recordedV1)
            .build();

    /**
     * The Most Similar Family Group's figures for an indicator, period and geography (the partnership's district): the
     * group average and the lower and upper limits of the "similar" band, and where the export gives them the
     * partnership's own figure as the group compares it ({@code value}, a rate per 1,000 in iQuanta and MaiDen), its
     * rank in the group (1 is the lowest figure) and the group's size. {@code source} is the comparator source whose
     * mapping imported the figures, null when they were posted by hand. A new revision each time the figures change.
     */
    record ComparatorRecorded(
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
            String submittedBy,
            int revision)
            implements ComparatorEvent {}

    /**
     * measures.comparator.recorded.v1 carried the group's average and limits only: read as v2 without the
     * partnership's figure, rank, group size or source.
     */
    private static ObjectNode recordedV1(ObjectNode v1) {
        return EventTypes.fields(
                v1,
                "indicatorCode",
                "period",
                "geography",
                "value",
                "average",
                "lower",
                "upper",
                "rank",
                "groupSize",
                "source",
                "submittedBy",
                "revision");
    }
}
