package org.csp.plan.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.csp.plan.initiative.InitiativeEvent.Reporter;
import org.junit.jupiter.api.Test;

/** Who a report is recorded as, from what the caller's token says. */
class ReportersTest {

    private static final String SUBJECT = "8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72";

    @Test
    void aPriorityLeadReportsAsOne() {
        assertEquals(
                new Reporter(SUBJECT, "priority-lead", null),
                Reporters.reporter(SUBJECT, Set.of("priority-lead", "reader")::contains, null));
    }

    /** The coordinator reports on any priority: a caller holding both roles reports as the coordinator. */
    @Test
    void aCoordinatorReportsAsTheCoordinatorEvenWhenAlsoALead() {
        assertEquals(
                new Reporter(SUBJECT, "coordinator", null),
                Reporters.reporter(SUBJECT, Set.of("priority-lead", "coordinator")::contains, null));
    }

    @Test
    void theOrganisationIsTheTokensOrgClaimWhenItHasOne() {
        assertEquals(
                new Reporter(SUBJECT, "coordinator", "stroud-district-council"),
                Reporters.reporter(SUBJECT, Set.of("coordinator")::contains, "stroud-district-council"));
        assertEquals(
                new Reporter(SUBJECT, "coordinator", null),
                Reporters.reporter(SUBJECT, Set.of("coordinator")::contains, " "));
    }
}
