package org.csp.engagement.engagement;

import org.csp.eventsourcing.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored engagement event type keeps the shape of its pinned file under {@code src/test/resources/events/}. */
class EngagementEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(EngagementEvent.TYPES);
    }

    @Test
    void recordedV1() {
        PinnedJson.assertMatches(EngagementEvent.TYPES, "engagement.activity.recorded.v1", EngagementDeciderTest.WORKSHOP_RECORDED);
    }
}
