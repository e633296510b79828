package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;

import java.time.LocalDate;

/** What can be asked of an initiative. */
public sealed interface InitiativeCommand {

    /** Define an initiative as the plan states it, with its priority and timescale. */
    record DefineInitiative(String initiativeId, int priority, String priorityTitle, String title, String leadOrganisation,
                            LocalDate start, LocalDate due) implements InitiativeCommand {
    }

    /** Report a quarter's progress: status, RAG and commentary. */
    record UpdateProgress(String initiativeId, FinancialQuarter quarter, ProgressStatus status, Rag rag, String commentary)
            implements InitiativeCommand {
    }
}
