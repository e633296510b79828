package org.csp.engagement.activity;

import org.csp.eventsourcing.EventTypes;

import java.time.LocalDate;
import java.util.List;

/** What can happen to an engagement record. Stored and published under explicit type strings. */
public sealed interface ActivityEvent {

    EventTypes<ActivityEvent> TYPES = EventTypes.<ActivityEvent>builder()
            .register("engagement.activity.recorded.v1", ActivityRecorded.class)
            .build();

    /**
     * An engagement activity that took place: {@code type} is an {@link ActivityType} code, {@code place} a ward or
     * parish, {@code priorities} the plan priorities it served, {@code outcomes} the "you said, we did" summary.
     * No personal data: attendance is a count.
     */
    record ActivityRecorded(String engagementId, String type, String title, LocalDate date, String place,
                            List<Integer> priorities, List<String> organisations, Integer attendance, String outcomes)
            implements ActivityEvent {
        public ActivityRecorded {
            priorities = List.copyOf(priorities);
            organisations = List.copyOf(organisations);
        }
    }
}
