package org.csp.plan.initiative;

import org.csp.eventsourcing.EventTypes;

import java.time.LocalDate;

/** What can happen to an initiative (an action of the plan). Stored and published under explicit type strings. */
public sealed interface InitiativeEvent {

    EventTypes<InitiativeEvent> TYPES = EventTypes.<InitiativeEvent>builder()
            .register("plan.initiative.defined.v1", InitiativeDefined.class)
            .register("plan.initiative.updated.v1", ProgressUpdated.class)
            .build();

    String initiativeId();

    /** The initiative as the plan states it, with its timescale. */
    record InitiativeDefined(String initiativeId, int priority, String priorityTitle, String title,
                             String leadOrganisation, LocalDate start, LocalDate due) implements InitiativeEvent {
    }

    /** A quarter's progress report: status, RAG and commentary, as the priority lead wrote it. */
    record ProgressUpdated(String initiativeId, String quarter, String status, String rag, String commentary)
            implements InitiativeEvent {
    }
}
