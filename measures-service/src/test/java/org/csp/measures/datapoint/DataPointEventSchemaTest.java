package org.csp.measures.datapoint;

import org.csp.eventsourcing.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored data point event type keeps the shape of its pinned file under {@code src/test/resources/events/}. */
class DataPointEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(DataPointEvent.TYPES);
    }

    @Test
    void recordedV1() {
        PinnedJson.assertMatches(DataPointEvent.TYPES, "measures.measure.recorded.v1", DataPointDeciderTest.AUGUST_PROVISIONAL);
    }
}
