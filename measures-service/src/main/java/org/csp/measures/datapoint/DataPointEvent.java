package org.csp.measures.datapoint;

import org.csp.eventsourcing.EventTypes;

import java.math.BigDecimal;

/**
 * What can happen to a data point: the stored and published contract, under explicit type strings. The type
 * string says "measure", the name this concept had when it was first published; it stays for compatibility (see
 * the glossary in docs/architecture.md).
 */
public sealed interface DataPointEvent {

    EventTypes<DataPointEvent> TYPES = EventTypes.<DataPointEvent>builder()
            .register("measures.measure.recorded.v1", DataPointRecorded.class)
            .build();

    /**
     * A value reported for an indicator, period and geography (GSS code). A correction is a new revision; earlier
     * revisions stay in the stream, so the history shows what was reported when. {@code source} is the organisation
     * the figure comes from, {@code submittedBy} the system (OIDC client) that posted it.
     */
    record DataPointRecorded(String indicatorCode, String period, String geography, BigDecimal value, String status,
                             String source, String submittedBy, int revision) implements DataPointEvent {
    }
}
