package org.csp.engagement.engagement;

import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;
import org.csp.eventsourcing.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngagementDeciderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String ID = "5f0c6f5e-0000-3000-8000-000000000001";
    static final RecordEngagement RECORD_WORKSHOP = new RecordEngagement(ID, EngagementType.WORKSHOP,
            "Crime prevention workshop for VCSE organisations", LocalDate.of(2024, 8, 14), "Stroud Central",
            List.of(4), List.of("Stroud District Council", "Neighbourhood Watch"), 23, "Checklist handed to 12 organisations",
            TODAY);
    static final EngagementRecorded WORKSHOP_RECORDED = new EngagementRecorded(ID, "workshop",
            "Crime prevention workshop for VCSE organisations", LocalDate.of(2024, 8, 14), "Stroud Central",
            List.of(4), List.of("Stroud District Council", "Neighbourhood Watch"), 23, "Checklist handed to 12 organisations");

    private static final DeciderSpec<EngagementCommand, EngagementEvent, Engagement> ENGAGEMENT = DeciderSpec.of(Engagement.DECIDER);

    @Test
    void aNewRecordIsRecorded() {
        ENGAGEMENT.given().when(RECORD_WORKSHOP).then(WORKSHOP_RECORDED);
    }

    @Test
    void aRetryWithTheSameDetailsChangesNothing() {
        ENGAGEMENT.given(WORKSHOP_RECORDED).when(RECORD_WORKSHOP).thenNothing();
    }

    @Test
    void theSameIdWithOtherDetailsIsRefused() {
        var other = new RecordEngagement(ID, EngagementType.SURVEY, "Another", RECORD_WORKSHOP.date(), null, List.of(),
                List.of(), null, null, TODAY);
        ENGAGEMENT.given(WORKSHOP_RECORDED).when(other).thenRejected("idempotency-key-reused");
    }

    @Test
    void anEngagementInTheFutureIsRefused() {
        var future = new RecordEngagement("id", EngagementType.PUBLIC_EVENT, "Fun day", TODAY.plusDays(1), null, List.of(),
                List.of(), null, null, TODAY);
        ENGAGEMENT.given().when(future).thenInvalid("date");
    }

    @Test
    void theStateIsTheRecord() {
        ENGAGEMENT.given(WORKSHOP_RECORDED).thenState(state -> assertEquals(WORKSHOP_RECORDED, state.record()));
    }
}
