package org.csp.measures.indicator;

import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored indicator event type keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts}). */
class IndicatorEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(IndicatorEvent.TYPES);
    }

    @Test
    void definedV2() {
        PinnedJson.assertMatches(IndicatorEvent.TYPES, "measures.indicator.defined.v2", SampleEvents.ASB_DEFINED);
    }

    @Test
    void amendedV1() {
        PinnedJson.assertMatches(IndicatorEvent.TYPES, "measures.indicator.amended.v1", SampleEvents.ASB_AMENDED);
    }

    /** The first definitions, flat and without roll-up, targets or level, read as v2 with the catalogue's defaults. */
    @Test
    void definedV1IsReadAsV2() {
        PinnedJson.assertUpcasts(
                IndicatorEvent.TYPES,
                "measures.indicator.defined.v1",
                new IndicatorDefined("ASB-INCIDENTS", SampleEvents.ASB_AS_V1));
    }
}
