package org.csp.plan.initiative;

import org.csp.eventsourcing.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored initiative event type keeps the shape of its pinned file under {@code src/test/resources/events/}. */
class InitiativeEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(InitiativeEvent.TYPES);
    }

    @Test
    void definedV1() {
        PinnedJson.assertMatches(InitiativeEvent.TYPES, "plan.initiative.defined.v1", InitiativeDeciderTest.DEFINED);
    }

    @Test
    void updatedV1() {
        PinnedJson.assertMatches(InitiativeEvent.TYPES, "plan.initiative.updated.v1",
                new InitiativeEvent.ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed"));
    }
}
