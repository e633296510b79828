package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;
import org.csp.plan.initiative.InitiativeEvent.Definition;

/** What can be asked of an initiative. */
public sealed interface InitiativeCommand {

    String initiativeId();

    /** Make it part of the plan, or part of it again after it was retired. */
    record DefineInitiative(String initiativeId, Definition definition) implements InitiativeCommand {}

    /** Replace its definition; nothing happens when it is unchanged. */
    record AmendInitiative(String initiativeId, Definition definition) implements InitiativeCommand {}

    /** Take it out of the plan, with the reason. */
    record RetireInitiative(String initiativeId, String reason) implements InitiativeCommand {}

    /** Report a quarter's progress: status, RAG and commentary. */
    record UpdateProgress(
            String initiativeId, FinancialQuarter quarter, ProgressStatus status, Rag rag, String commentary)
            implements InitiativeCommand {}
}
