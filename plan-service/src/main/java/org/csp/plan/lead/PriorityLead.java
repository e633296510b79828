package org.csp.plan.lead;

import java.util.List;
import org.csp.eventsourcing.Decider;
import org.csp.plan.lead.PriorityLeadEvent.PriorityLeadAssigned;

/** The priorities a lead is mapped to by the coordinator, and the rule for changing them. */
public record PriorityLead(String subject, List<Integer> priorities) {

    /** Map {@code subject} to exactly these priorities. */
    public record Assign(String subject, List<Integer> priorities) {}

    public static final Decider<Assign, PriorityLeadEvent, PriorityLead> DECIDER = new Decider<>() {
        @Override
        public PriorityLead initialState() {
            return new PriorityLead(null, List.of());
        }

        @Override
        public PriorityLead evolve(PriorityLead state, PriorityLeadEvent event) {
            return switch (event) {
                case PriorityLeadAssigned assigned -> new PriorityLead(assigned.subject(), assigned.priorities());
            };
        }

        @Override
        public List<PriorityLeadEvent> decide(Assign command, PriorityLead state) {
            List<Integer> sorted =
                    command.priorities().stream().distinct().sorted().toList();
            return state.subject() != null && state.priorities().equals(sorted)
                    ? List.of()
                    : List.of(new PriorityLeadAssigned(command.subject(), sorted));
        }
    };
}
