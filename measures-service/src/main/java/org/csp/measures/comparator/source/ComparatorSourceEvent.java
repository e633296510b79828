package org.csp.measures.comparator.source;

import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to a comparator source: the stored and published contract. */
public sealed interface ComparatorSourceEvent {

    EventTypes<ComparatorSourceEvent> TYPES = EventTypes.<ComparatorSourceEvent>builder()
            .register(MeasuresEventTypes.COMPARATOR_SOURCE_SAVED_V1, ComparatorSourceSaved.class)
            .build();

    /**
     * How to read a source's exports: a title, the {@link ExportFormat} code, the indicator the export is for when it
     * does not say (null when a column holds it), and which column holds what.
     */
    record Mapping(String title, String format, String indicator, Columns columns) {}

    /**
     * The header names of an export's columns: the indicator code (null when the mapping names the indicator), the
     * area (a district's GSS code or name), the period, the partnership's figure as the group compares it, the group's
     * average and its lower and upper limits, the partnership's rank and the group's size (null when the export has
     * none).
     */
    record Columns(
            String indicator,
            String area,
            String period,
            String value,
            String average,
            String lower,
            String upper,
            String rank,
            String groupSize) {}

    /** The mapping of a source saved: the whole of it, the first time or changed. */
    record ComparatorSourceSaved(String sourceId, Mapping mapping) implements ComparatorSourceEvent {}
}
