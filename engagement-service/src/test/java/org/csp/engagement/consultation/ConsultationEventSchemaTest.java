package org.csp.engagement.consultation;

import static org.csp.engagement.consultation.ConsultationDeciderTest.CLOSED;
import static org.csp.engagement.consultation.ConsultationDeciderTest.OPENED;
import static org.csp.engagement.consultation.ConsultationDeciderTest.RESULTS;

import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

class ConsultationEventSchemaTest {

    @Test
    void shapes() {
        PinnedJson.assertMatches(ConsultationEvent.TYPES, "engagement.consultation.opened.v1", OPENED);
        PinnedJson.assertMatches(ConsultationEvent.TYPES, "engagement.consultation.closed.v1", CLOSED);
        PinnedJson.assertMatches(ConsultationEvent.TYPES, "engagement.consultation.results-published.v1", RESULTS);
    }
}
