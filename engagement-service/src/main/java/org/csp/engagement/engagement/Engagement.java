package org.csp.engagement.engagement;

import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

import java.util.List;

/** An engagement record's state, folded from its events, and the pure rules for recording it. */
public record Engagement(EngagementRecorded record) {

    public static final Decider<EngagementCommand, EngagementEvent, Engagement> DECIDER = new Decider<>() {
        @Override
        public Engagement initialState() {
            return new Engagement(null);
        }

        @Override
        public Engagement evolve(Engagement state, EngagementEvent event) {
            return switch (event) {
                case EngagementRecorded recorded -> new Engagement(recorded);
            };
        }

        @Override
        public List<EngagementEvent> decide(EngagementCommand command, Engagement state) {
            return switch (command) {
                case RecordEngagement record -> decideRecord(record, state);
            };
        }
    };

    public boolean exists() {
        return record != null;
    }

    /**
     * The record id comes from the client's Idempotency-Key when it sent one: the same key with the same details is
     * a retry and changes nothing; the same key with other details is refused.
     */
    private static List<EngagementEvent> decideRecord(RecordEngagement command, Engagement state) {
        EngagementRecorded recorded = new EngagementRecorded(command.engagementId(), command.type().code(), command.title(),
                command.date(), command.place(), command.priorities(), command.organisations(), command.attendance(),
                command.outcomes());
        if (state.exists()) {
            if (state.record().equals(recorded)) {
                return List.of();
            }
            throw new CommandRejected("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different engagement record; use a new key for a new record.");
        }
        if (command.date().isAfter(command.today())) {
            throw CommandRejected.invalid("date", "must not be in the future: record an engagement once it has taken place");
        }
        return List.of(recorded);
    }
}
