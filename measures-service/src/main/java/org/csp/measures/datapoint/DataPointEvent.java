package org.csp.measures.datapoint;

import java.math.BigDecimal;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/**
 * What can happen to a data point (an indicator's figure for one period, geography and source organisation): the
 * stored and published contract, under explicit type strings. The type strings say "measure", the name this concept
 * had when it was first published; they stay for compatibility (see the glossary in docs/architecture.md).
 */
public sealed interface DataPointEvent {

    EventTypes<DataPointEvent> TYPES = EventTypes.<DataPointEvent>builder()
            .register(MeasuresEventTypes.DATA_POINT_RECORDED_V1, DataPointRecorded.class)
            .register(MeasuresEventTypes.DATA_POINT_REVISED_V1, DataPointRevised.class)
            .build();

    String indicatorCode();

    String period();

    String geography();

    String source();

    BigDecimal value();

    BigDecimal numerator();

    BigDecimal denominator();

    String status();

    int revision();

    /**
     * The first value reported for an indicator, period, geography (GSS code) and source organisation: revision 1.
     * {@code submittedBy} is the system (OIDC client) that posted it; {@code numerator} and {@code denominator} are
     * present when the figure is a ratio posted as its parts (absent in events stored before they existed).
     */
    record DataPointRecorded(
            String indicatorCode,
            String period,
            String geography,
            BigDecimal value,
            String status,
            String source,
            String submittedBy,
            int revision,
            BigDecimal numerator,
            BigDecimal denominator)
            implements DataPointEvent {}

    /**
     * A different figure for a data point that has one: revision n + 1, with why it changed. The earlier revisions
     * stay in the stream, so the history shows what was reported when. {@code previousValue} is what it replaced.
     */
    record DataPointRevised(
            String indicatorCode,
            String period,
            String geography,
            String source,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String status,
            String reason,
            BigDecimal previousValue,
            String submittedBy,
            int revision)
            implements DataPointEvent {}
}
