package org.csp.plan.organisation;

import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.element.Element;

/** What can happen to an organisation of the partnership's registry. */
public sealed interface OrganisationEvent {

    EventTypes<OrganisationEvent> TYPES = EventTypes.<OrganisationEvent>builder()
            .register(PlanEventTypes.ORGANISATION_DEFINED_V1, OrganisationDefined.class)
            .register(PlanEventTypes.ORGANISATION_AMENDED_V1, OrganisationAmended.class)
            .register(PlanEventTypes.ORGANISATION_RETIRED_V1, OrganisationRetired.class)
            .build();

    /** The stored definition: the name the plan uses and the organisation's place in the partnership. */
    record Definition(String name, String kind) {}

    record OrganisationDefined(String organisationId, Definition definition) implements OrganisationEvent {}

    record OrganisationAmended(String organisationId, Definition definition) implements OrganisationEvent {}

    record OrganisationRetired(String organisationId, String reason) implements OrganisationEvent {}

    Element.Events<Definition, OrganisationEvent> EVENTS = new Element.Events<>(
            "organisation",
            OrganisationDefined::new,
            OrganisationAmended::new,
            OrganisationRetired::new,
            event -> switch (event) {
                case OrganisationDefined e -> new Element.Change<>(e.organisationId(), e.definition(), false);
                case OrganisationAmended e -> new Element.Change<>(e.organisationId(), e.definition(), false);
                case OrganisationRetired e -> new Element.Change<>(e.organisationId(), null, true);
            });
}
