package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.initiative.InitiativeEvent.Reporter;

/** What can be asked of an initiative. */
public sealed interface InitiativeCommand {

    String initiativeId();

    /** Make it part of the plan, or part of it again after it was retired. */
    record DefineInitiative(String initiativeId, Definition definition) implements InitiativeCommand {}

    /** Replace its definition; nothing happens when it is unchanged. */
    record AmendInitiative(String initiativeId, Definition definition) implements InitiativeCommand {}

    /** Take it out of the plan, with the reason. */
    record RetireInitiative(String initiativeId, String reason) implements InitiativeCommand {}

    /**
     * Report a quarter's progress: status, RAG and commentary, and who reports it (from the caller's token, never from
     * a request body: null until the application service adds it, {@link #by}).
     */
    record UpdateProgress(
            String initiativeId,
            FinancialQuarter quarter,
            ProgressStatus status,
            Rag rag,
            String commentary,
            Reporter reporter)
            implements InitiativeCommand {

        /** The report as a request asks for it; who reports it is added from the token. */
        public UpdateProgress(
                String initiativeId, FinancialQuarter quarter, ProgressStatus status, Rag rag, String commentary) {
            this(initiativeId, quarter, status, rag, commentary, null);
        }

        /** This report, made by {@code reporter}. */
        public UpdateProgress by(Reporter reporter) {
            return new UpdateProgress(initiativeId, quarter, status, rag, commentary, reporter);
        }
    }
}
