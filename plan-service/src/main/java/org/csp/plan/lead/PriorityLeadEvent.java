package org.csp.plan.lead;

import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;

/** The coordinator's mapping of a priority lead (a token subject, never a name) to the priorities they lead. */
public sealed interface PriorityLeadEvent {

    EventTypes<PriorityLeadEvent> TYPES = EventTypes.<PriorityLeadEvent>builder()
            .register(PlanEventTypes.PRIORITY_LEAD_ASSIGNED_V1, PriorityLeadAssigned.class)
            .build();

    /** From now on {@code subject} leads exactly {@code priorities} (none: the mapping is withdrawn). */
    record PriorityLeadAssigned(String subject, List<Integer> priorities) implements PriorityLeadEvent {}
}
