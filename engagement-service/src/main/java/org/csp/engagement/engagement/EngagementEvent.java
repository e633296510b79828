package org.csp.engagement.engagement;

import org.csp.eventsourcing.EventTypes;

import java.time.LocalDate;
import java.util.List;

/**
 * What can happen to an engagement record: the stored and published contract, under explicit type strings.
 * The type string says "activity", the name this concept had when it was first published; it stays for
 * compatibility (see the glossary in docs/architecture.md).
 */
public sealed interface EngagementEvent {

    EventTypes<EngagementEvent> TYPES = EventTypes.<EngagementEvent>builder()
            .register("engagement.activity.recorded.v1", EngagementRecorded.class)
            .build();

    /**
     * An engagement that took place: {@code type} is an {@link EngagementType} code, {@code place} a ward or parish,
     * {@code priorities} the plan priorities it served, {@code outcomes} the "you said, we did" summary.
     * No personal data: attendance is a count.
     */
    record EngagementRecorded(String engagementId, String type, String title, LocalDate date, String place,
                              List<Integer> priorities, List<String> organisations, Integer attendance, String outcomes)
            implements EngagementEvent {
        public EngagementRecorded {
            priorities = List.copyOf(priorities);
            organisations = List.copyOf(organisations);
        }
    }
}
