package org.csp.engagement.casereview;

import static org.csp.engagement.casereview.CaseReviewDeciderTest.MEETING;
import static org.csp.engagement.casereview.CaseReviewDeciderTest.MET;
import static org.csp.engagement.casereview.CaseReviewDeciderTest.RECEIVED;
import static org.csp.engagement.casereview.CaseReviewDeciderTest.RECOMMENDATIONS;
import static org.csp.engagement.casereview.CaseReviewDeciderTest.REF;
import static org.csp.engagement.casereview.CaseReviewDeciderTest.TEXT;

import java.time.LocalDate;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every case-review event type keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts}). */
class CaseReviewEventSchemaTest {

    @Test
    void shapes() {
        PinnedJson.assertMatches(CaseReviewEvent.TYPES, "engagement.review.received.v1", RECEIVED);
        PinnedJson.assertMatches(CaseReviewEvent.TYPES, "engagement.review.threshold-decided.v1", MET);
        PinnedJson.assertMatches(CaseReviewEvent.TYPES, "engagement.review.meeting-held.v1", MEETING);
        PinnedJson.assertMatches(
                CaseReviewEvent.TYPES, "engagement.review.recommendations-recorded.v1", RECOMMENDATIONS);
        PinnedJson.assertMatches(
                CaseReviewEvent.TYPES,
                "engagement.review.closed.v1",
                new CaseReviewEvent.CaseReviewClosed(REF, LocalDate.of(2024, 10, 20), "actions-agreed", TEXT));
    }
}
