package org.csp.plan.lead;

import java.util.List;
import org.csp.plan.lead.PriorityLeadEvent.PriorityLeadAssigned;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class PriorityLeadDeciderTest {

    private static final DeciderSpec<PriorityLead.Assign, PriorityLeadEvent, PriorityLead> LEAD =
            DeciderSpec.of(PriorityLead.DECIDER);

    @Test
    void assigningRecordsTheSortedPriorities() {
        LEAD.given()
                .when(new PriorityLead.Assign("abc", List.of(4, 2, 4)))
                .then(new PriorityLeadAssigned("abc", List.of(2, 4)));
    }

    @Test
    void theSameAssignmentAgainRecordsNothing() {
        LEAD.given(new PriorityLeadAssigned("abc", List.of(2, 4)))
                .when(new PriorityLead.Assign("abc", List.of(4, 2)))
                .thenNothing();
    }

    @Test
    void anEmptyListWithdrawsTheMapping() {
        LEAD.given(new PriorityLeadAssigned("abc", List.of(4)))
                .when(new PriorityLead.Assign("abc", List.of()))
                .then(new PriorityLeadAssigned("abc", List.of()));
    }
}
