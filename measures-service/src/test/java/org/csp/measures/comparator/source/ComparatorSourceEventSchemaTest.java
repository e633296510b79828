package org.csp.measures.comparator.source;

import org.csp.measures.comparator.source.ComparatorSource.SaveMapping;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Columns;
import org.csp.measures.comparator.source.ComparatorSourceEvent.ComparatorSourceSaved;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;
import org.csp.testing.DeciderSpec;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** A comparator source's rule (a changed mapping is saved, the same one nothing) and its pinned event shape. */
class ComparatorSourceEventSchemaTest {

    static final Mapping IQUANTA = new Mapping(
            "iQuanta MSG export (synthetic sample)",
            "iquanta",
            "RECORDED-CRIME",
            new Columns(
                    null,
                    "Area Name",
                    "Period",
                    "Rate per 1,000",
                    "MSG Average",
                    "Lower Limit",
                    "Upper Limit",
                    "Rank",
                    "Group Size"));

    private static final DeciderSpec<SaveMapping, ComparatorSourceEvent, ComparatorSource> SOURCE =
            DeciderSpec.of(ComparatorSource.DECIDER);

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(ComparatorSourceEvent.TYPES);
        PinnedJson.assertMatches(
                ComparatorSourceEvent.TYPES,
                "measures.comparator-source.saved.v1",
                new ComparatorSourceSaved("iquanta", IQUANTA));
    }

    @Test
    void aNewOrChangedMappingIsSavedAndTheSameOneNothing() {
        ComparatorSourceSaved saved = new ComparatorSourceSaved("iquanta", IQUANTA);
        SOURCE.given().when(new SaveMapping("iquanta", IQUANTA)).then(saved);
        SOURCE.given(saved).when(new SaveMapping("iquanta", IQUANTA)).thenNothing();
        Mapping renamed = new Mapping("iQuanta, renamed", "iquanta", "RECORDED-CRIME", IQUANTA.columns());
        SOURCE.given(saved)
                .when(new SaveMapping("iquanta", renamed))
                .then(new ComparatorSourceSaved("iquanta", renamed));
    }
}
