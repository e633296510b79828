package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;

public sealed interface InitiativeCommand {

    record DefineInitiative(InitiativeEvent.InitiativeDefined definition) implements InitiativeCommand {
    }

    record UpdateProgress(String initiativeId, FinancialQuarter quarter, ProgressStatus status, Rag rag, String commentary)
            implements InitiativeCommand {
    }
}
