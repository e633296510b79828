package org.csp.engagement.activity;

import org.csp.engagement.activity.ActivityEvent.ActivityRecorded;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

import java.time.LocalDate;
import java.util.List;

/** An engagement record's state, folded from its events, and the pure rules for recording it. */
public record Activity(ActivityRecorded record) {

    /** Record an activity; {@code today} travels with the command so that {@code decide} stays pure. */
    public record Record(ActivityRecorded details, LocalDate today) {
    }

    public static final Decider<Record, ActivityEvent, Activity> DECIDER = new Decider<>() {
        @Override
        public Activity initialState() {
            return new Activity(null);
        }

        @Override
        public Activity evolve(Activity state, ActivityEvent event) {
            return switch (event) {
                case ActivityRecorded recorded -> new Activity(recorded);
            };
        }

        /**
         * The record id comes from the client's Idempotency-Key when it sent one: the same key with the same
         * details is a retry and changes nothing; the same key with other details is refused.
         */
        @Override
        public List<ActivityEvent> decide(Record command, Activity state) {
            if (state.exists()) {
                if (state.record().equals(command.details())) {
                    return List.of();
                }
                throw new CommandRejected("idempotency-key-reused",
                        "This Idempotency-Key was already used for a different engagement record; use a new key for a new record.");
            }
            if (command.details().date().isAfter(command.today())) {
                throw CommandRejected.invalid("date", "must not be in the future: record an activity once it has taken place");
            }
            return List.of(command.details());
        }
    };

    public boolean exists() {
        return record != null;
    }
}
