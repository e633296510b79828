package org.csp.engagement.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.csp.engagement.engagement.EngagementCommand.AddFollowUp;
import org.csp.engagement.engagement.EngagementCommand.AmendEngagement;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementCommand.WithdrawEngagement;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.EngagementAmended;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;
import org.csp.engagement.engagement.EngagementEvent.EngagementWithdrawn;
import org.csp.engagement.engagement.EngagementEvent.FollowUpAdded;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

/** An engagement record's state, folded from its events, and the pure rules for changing it. */
public record Engagement(
        String id, Details details, boolean withdrawn, String withdrawnReason, List<FollowUpAdded> followUps) {

    public static final Decider<EngagementCommand, EngagementEvent, Engagement> DECIDER = new Decider<>() {
        @Override
        public Engagement initialState() {
            return new Engagement(null, null, false, null, List.of());
        }

        @Override
        public Engagement evolve(Engagement s, EngagementEvent event) {
            return switch (event) {
                case EngagementRecorded e -> new Engagement(e.engagementId(), e.details(), false, null, List.of());
                case EngagementAmended e ->
                    new Engagement(s.id, e.details(), s.withdrawn, s.withdrawnReason, s.followUps);
                case EngagementWithdrawn e -> new Engagement(s.id, s.details, true, e.reason(), s.followUps);
                case FollowUpAdded e -> {
                    List<FollowUpAdded> followUps = new ArrayList<>(s.followUps);
                    followUps.add(e);
                    yield new Engagement(s.id, s.details, s.withdrawn, s.withdrawnReason, List.copyOf(followUps));
                }
            };
        }

        @Override
        public List<EngagementEvent> decide(EngagementCommand command, Engagement s) {
            return switch (command) {
                case RecordEngagement record -> {
                    if (s.exists()) {
                        if (s.details.equals(record.details())) {
                            yield List.of();
                        }
                        throw new CommandRejected(
                                "engagement-exists", "Engagement record '" + s.id + "' exists already.");
                    }
                    requireDates(record.details(), record.today());
                    yield List.of(new EngagementRecorded(record.engagementId(), record.details()));
                }
                case AmendEngagement amend -> {
                    requireCurrent(s, amend);
                    requireDates(amend.details(), amend.today());
                    yield amend.details().equals(s.details)
                            ? List.of()
                            : List.of(new EngagementAmended(s.id, amend.details()));
                }
                case WithdrawEngagement withdraw -> {
                    requireCurrent(s, withdraw);
                    yield List.of(new EngagementWithdrawn(s.id, withdraw.reason()));
                }
                case AddFollowUp followUp -> {
                    requireCurrent(s, followUp);
                    if (followUp.addedOn().isBefore(s.details.startDate())) {
                        throw CommandRejected.invalid(
                                "addedOn", "must not be before the engagement (" + s.details.startDate() + ")");
                    }
                    yield List.of(new FollowUpAdded(s.id, followUp.addedOn(), followUp.youSaid(), followUp.weDid()));
                }
            };
        }
    };

    public boolean exists() {
        return details != null;
    }

    /** A record that was recorded and not withdrawn: only such a record can be amended, withdrawn or followed up. */
    private static void requireCurrent(Engagement s, EngagementCommand command) {
        if (!s.exists()) {
            throw CommandRejected.notDefined("There is no engagement record '" + command.engagementId() + "'.");
        }
        if (s.withdrawn) {
            throw new CommandRejected("withdrawn", "Engagement record '" + s.id + "' is withdrawn.");
        }
    }

    private static void requireDates(Details details, LocalDate today) {
        if (details.startDate().isAfter(today)) {
            throw CommandRejected.invalid(
                    "startDate", "must not be in the future: record an engagement once it has taken place");
        }
        if (details.endDate().isBefore(details.startDate())) {
            throw CommandRejected.invalid("endDate", "must not be before the start date");
        }
    }
}
