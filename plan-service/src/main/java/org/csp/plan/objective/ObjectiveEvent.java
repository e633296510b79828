package org.csp.plan.objective;

import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;

/** What can happen to an objective ("what will we aim to achieve?") of a priority. */
public sealed interface ObjectiveEvent {

    EventTypes<ObjectiveEvent> TYPES = EventTypes.<ObjectiveEvent>builder()
            .register(PlanEventTypes.OBJECTIVE_DEFINED_V1, ObjectiveDefined.class)
            .register(PlanEventTypes.OBJECTIVE_AMENDED_V1, ObjectiveAmended.class)
            .register(PlanEventTypes.OBJECTIVE_RETIRED_V1, ObjectiveRetired.class)
            .build();

    /** The stored definition: the priority it serves, its text, and the codes of indicators that measure it. */
    record Definition(int priority, String text, List<String> indicators) {}

    record ObjectiveDefined(String objectiveId, Definition definition) implements ObjectiveEvent {}

    record ObjectiveAmended(String objectiveId, Definition definition) implements ObjectiveEvent {}

    record ObjectiveRetired(String objectiveId, String reason) implements ObjectiveEvent {}

    Element.Events<Definition, ObjectiveEvent> EVENTS = new Element.Events<>(
            "objective", ObjectiveDefined::new, ObjectiveAmended::new, ObjectiveRetired::new, event -> switch (event) {
                case ObjectiveDefined e -> new Element.Change<>(e.objectiveId(), e.definition(), false);
                case ObjectiveAmended e -> new Element.Change<>(e.objectiveId(), e.definition(), false);
                case ObjectiveRetired e -> new Element.Change<>(e.objectiveId(), null, true);
            });
}
