package org.csp.measures.indicator;

import java.util.List;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to a partnership's catalogue as a whole. Stored and published under explicit type strings. */
public sealed interface CatalogueEvent {

    EventTypes<CatalogueEvent> TYPES = EventTypes.<CatalogueEvent>builder()
            .register(MeasuresEventTypes.CATALOGUE_REVISED_V1, CatalogueRevised.class)
            .build();

    /** A source organisation a catalogue file lists, by its registry id. */
    record Organisation(String id, String name) {}

    /**
     * A catalogue file was imported and changed something: {@code revision} 1, 2, … of the partnership's catalogue.
     * The events of the indicators it defined and amended follow it in the same transaction ({@code
     * indicatorsDefined} and {@code indicatorsAmended} of them). {@code organisations}: the source organisations the
     * file made known to the partnership (none already known). {@code fileDigest} (SHA-256 of the file's content)
     * tells a file already imported.
     */
    record CatalogueRevised(
            int revision,
            String fileDigest,
            String source,
            List<String> notes,
            List<Organisation> organisations,
            int indicatorsDefined,
            int indicatorsAmended)
            implements CatalogueEvent {
        public CatalogueRevised {
            notes = List.copyOf(notes);
            organisations = List.copyOf(organisations);
        }
    }
}
