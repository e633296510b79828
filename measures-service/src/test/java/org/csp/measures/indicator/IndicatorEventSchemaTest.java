package org.csp.measures.indicator;

import org.csp.eventsourcing.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored indicator event type keeps the shape of its pinned file under {@code src/test/resources/events/}. */
class IndicatorEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(IndicatorEvent.TYPES);
    }

    @Test
    void definedV1() {
        PinnedJson.assertMatches(IndicatorEvent.TYPES, "measures.indicator.defined.v1", IndicatorDeciderTest.ASB_DEFINED);
    }
}
