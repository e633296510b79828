package org.csp.plan.actionplan;

import org.csp.eventsourcing.testing.DeciderSpec;
import org.csp.plan.SampleEvents;
import org.csp.plan.actionplan.ActionPlan.Revise;
import org.csp.plan.actionplan.PlanEvent.PlanRevised;
import org.junit.jupiter.api.Test;

import java.util.List;

class ActionPlanDeciderTest {

    private static final DeciderSpec<Revise, PlanEvent, ActionPlan> PLAN = DeciderSpec.of(ActionPlan.DECIDER);
    private static final PlanRevised FIRST = new PlanRevised("stroud-2023-2026", 1, SampleEvents.PLAN, "file", List.of());

    @Test
    void theFirstImportIsRevisionOne() {
        PLAN.given().when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), true)).then(FIRST);
    }

    @Test
    void theSameFileAgainIsNoRevision() {
        PLAN.given(FIRST).when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), false)).thenNothing();
    }

    @Test
    void aFileThatChangesPrioritiesOrInitiativesIsTheNextRevision() {
        PLAN.given(FIRST).when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), true))
                .then(new PlanRevised("stroud-2023-2026", 2, SampleEvents.PLAN, "file", List.of()));
    }

    @Test
    void aFileThatChangesThePlansOwnContentIsTheNextRevision() {
        PLAN.given(FIRST).when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of("refreshed 2024"), false))
                .then(new PlanRevised("stroud-2023-2026", 2, SampleEvents.PLAN, "file", List.of("refreshed 2024")));
    }
}
