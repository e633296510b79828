package org.csp.engagement.engagement;

import java.time.LocalDate;
import java.util.List;

/** What can be asked of an engagement record. */
public sealed interface EngagementCommand {

    /**
     * Record an engagement that took place, under the id the caller chose ({@link Engagements#newId}). Values are
     * already checked field by field; {@code today} travels with the command so that {@code decide} stays pure.
     */
    record RecordEngagement(String engagementId, EngagementType type, String title, LocalDate date, String place,
                            List<Integer> priorities, List<String> organisations, Integer attendance, String outcomes,
                            LocalDate today) implements EngagementCommand {
        public RecordEngagement {
            priorities = List.copyOf(priorities);
            organisations = List.copyOf(organisations);
        }
    }
}
