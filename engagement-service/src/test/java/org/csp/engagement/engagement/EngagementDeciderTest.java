package org.csp.engagement.activity;

import org.csp.engagement.activity.ActivityEvent.ActivityRecorded;
import org.csp.eventsourcing.CommandRejected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivityDeciderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ActivityRecorded WORKSHOP = new ActivityRecorded("5f0c6f5e-0000-3000-8000-000000000001", "workshop",
            "Crime prevention workshop for VCSE organisations", LocalDate.of(2024, 8, 14), "Stroud Central",
            List.of(4), List.of("Stroud District Council", "Neighbourhood Watch"), 23, "Checklist handed to 12 organisations");

    private static List<ActivityEvent> given(List<ActivityEvent> history, ActivityRecorded details) {
        return Activity.DECIDER.decide(new Activity.Record(details, TODAY), Activity.DECIDER.fold(history));
    }

    @Test
    void aNewRecordIsRecorded() {
        assertEquals(List.of(WORKSHOP), given(List.of(), WORKSHOP));
    }

    @Test
    void aRetryWithTheSameDetailsChangesNothing() {
        assertEquals(List.of(), given(List.of(WORKSHOP), WORKSHOP));
    }

    @Test
    void theSameIdWithOtherDetailsIsRefused() {
        var other = new ActivityRecorded(WORKSHOP.engagementId(), "survey", "Another", WORKSHOP.date(), null, List.of(),
                List.of(), null, null);
        assertEquals("idempotency-key-reused", assertThrows(CommandRejected.class, () -> given(List.of(WORKSHOP), other)).reason());
    }

    @Test
    void anActivityInTheFutureIsRefused() {
        var future = new ActivityRecorded("id", "public-event", "Fun day", TODAY.plusDays(1), null, List.of(), List.of(), null, null);
        assertEquals("date", assertThrows(CommandRejected.class, () -> given(List.of(), future)).field());
    }
}
