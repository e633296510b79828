package org.csp.plan.priority;

import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;

/** What can happen to a priority of the plan. Priorities are known by their number. */
public sealed interface PriorityEvent {

    EventTypes<PriorityEvent> TYPES = EventTypes.<PriorityEvent>builder()
            .register(PlanEventTypes.PRIORITY_DEFINED_V1, PriorityDefined.class)
            .register(PlanEventTypes.PRIORITY_AMENDED_V1, PriorityAmended.class)
            .register(PlanEventTypes.PRIORITY_RETIRED_V1, PriorityRetired.class)
            .build();

    /**
     * The stored definition: the full title, the plan's statement of it, "why is this a priority?", the lead
     * organisation (an id of the registry) or sub-group, and its "how will we measure success?" lines, each with the
     * codes of the indicators that measure it.
     */
    record Definition(
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String subGroup,
            List<Measure> measures) {}

    /** A "how will we measure success?" line and the indicator codes behind it (none for a narrative line). */
    record Measure(String text, List<String> indicators) {}

    record PriorityDefined(int priority, Definition definition) implements PriorityEvent {}

    record PriorityAmended(int priority, Definition definition) implements PriorityEvent {}

    record PriorityRetired(int priority, String reason) implements PriorityEvent {}

    Element.Events<Definition, PriorityEvent> EVENTS = new Element.Events<>(
            "priority",
            (id, d) -> new PriorityDefined(Integer.parseInt(id), d),
            (id, d) -> new PriorityAmended(Integer.parseInt(id), d),
            (id, reason) -> new PriorityRetired(Integer.parseInt(id), reason),
            event -> switch (event) {
                case PriorityDefined e -> new Element.Change<>(Integer.toString(e.priority()), e.definition(), false);
                case PriorityAmended e -> new Element.Change<>(Integer.toString(e.priority()), e.definition(), false);
                case PriorityRetired e -> new Element.Change<>(Integer.toString(e.priority()), null, true);
            });
}
