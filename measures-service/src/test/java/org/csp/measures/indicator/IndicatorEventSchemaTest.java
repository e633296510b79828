package org.csp.measures.indicator;

import org.csp.measures.indicator.IndicatorEvent.IndicatorAmended;
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
    void definedV3() {
        PinnedJson.assertMatches(IndicatorEvent.TYPES, "measures.indicator.defined.v3", SampleEvents.ASB_DEFINED);
    }

    @Test
    void amendedV2() {
        PinnedJson.assertMatches(IndicatorEvent.TYPES, "measures.indicator.amended.v2", SampleEvents.ASB_AMENDED);
    }

    /** Definitions of v2, without the public flag, read as v3: not public. */
    @Test
    void definedV2IsReadAsV3() {
        PinnedJson.assertUpcasts(
                IndicatorEvent.TYPES,
                "measures.indicator.defined.v2",
                new IndicatorDefined("ASB-INCIDENTS", SampleEvents.ASB_AS_V2));
    }

    /** Amendments of v1, without the public flag, read as v2: not public. */
    @Test
    void amendedV1IsReadAsV2() {
        PinnedJson.assertUpcasts(
                IndicatorEvent.TYPES,
                "measures.indicator.amended.v1",
                new IndicatorAmended("ASB-INCIDENTS", SampleEvents.ASB_WITH_TARGET_AS_V1));
    }

    /**
     * The first definitions, flat and without roll-up, targets or level, read as v2 with the catalogue's defaults,
     * then as v3: not public.
     */
    @Test
    void definedV1IsReadAsV3() {
        PinnedJson.assertUpcasts(
                IndicatorEvent.TYPES,
                "measures.indicator.defined.v1",
                new IndicatorDefined("ASB-INCIDENTS", SampleEvents.ASB_AS_V1));
    }
}
