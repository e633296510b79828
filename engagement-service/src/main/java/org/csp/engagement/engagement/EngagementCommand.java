package org.csp.engagement.engagement;

import java.time.LocalDate;
import org.csp.engagement.engagement.EngagementEvent.Details;

/** What can be asked of an engagement record. */
public sealed interface EngagementCommand {

    String engagementId();

    /**
     * Record an engagement that took place, under a new id; the same details again change nothing. {@code today}
     * travels with the command so that {@code decide} stays pure.
     */
    record RecordEngagement(String engagementId, Details details, LocalDate today) implements EngagementCommand {}

    /** Correct the record: its details, whole. */
    record AmendEngagement(String engagementId, Details details, LocalDate today) implements EngagementCommand {}

    /** Withdraw the record, with the reason. */
    record WithdrawEngagement(String engagementId, String reason) implements EngagementCommand {}

    /** Add a "you said, we did" follow-up. */
    record AddFollowUp(String engagementId, LocalDate addedOn, String youSaid, String weDid)
            implements EngagementCommand {}
}
