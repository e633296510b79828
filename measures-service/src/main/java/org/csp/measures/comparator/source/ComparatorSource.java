package org.csp.measures.comparator.source;

import java.util.List;
import org.csp.eventsourcing.Decider;
import org.csp.measures.comparator.source.ComparatorSourceEvent.ComparatorSourceSaved;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;

/** A comparator source's current mapping (null before it is saved) and the pure rule for saving one. */
public record ComparatorSource(String id, Mapping mapping) {

    /** Save the source's mapping, already validated ({@link ComparatorSourceRequest}). */
    public record SaveMapping(String id, Mapping mapping) {}

    public static final Decider<SaveMapping, ComparatorSourceEvent, ComparatorSource> DECIDER = new Decider<>() {
        @Override
        public ComparatorSource initialState() {
            return new ComparatorSource(null, null);
        }

        @Override
        public ComparatorSource evolve(ComparatorSource state, ComparatorSourceEvent event) {
            return switch (event) {
                case ComparatorSourceSaved saved -> new ComparatorSource(saved.sourceId(), saved.mapping());
            };
        }

        /** The same mapping again changes nothing. */
        @Override
        public List<ComparatorSourceEvent> decide(SaveMapping command, ComparatorSource state) {
            return command.mapping().equals(state.mapping())
                    ? List.of()
                    : List.of(new ComparatorSourceSaved(command.id(), command.mapping()));
        }
    };
}
