package org.csp.engagement;

import java.util.List;
import org.csp.engagement.casereview.CaseReviewEvent;
import org.csp.engagement.consultation.ConsultationEvent;
import org.csp.engagement.engagement.EngagementEvent;
import org.csp.eventsourcing.EventTypes;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/**
 * Every event type of engagement-service, written today or upcast from storage, has its approved JSON in the event
 * contracts ({@code platform/event-contracts}); each aggregate's schema test pins the shapes.
 */
class EventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        for (EventTypes<?> types : List.of(EngagementEvent.TYPES, ConsultationEvent.TYPES, CaseReviewEvent.TYPES)) {
            PinnedJson.assertEveryTypePinned(types);
        }
    }
}
