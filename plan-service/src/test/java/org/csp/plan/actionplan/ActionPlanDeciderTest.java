package org.csp.plan.actionplan;

import java.util.List;
import org.csp.plan.SampleEvents;
import org.csp.plan.actionplan.ActionPlan.Revise;
import org.csp.plan.actionplan.PlanEvent.PlanRevised;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class ActionPlanDeciderTest {

    private static final DeciderSpec<Revise, PlanEvent, ActionPlan> PLAN = DeciderSpec.of(ActionPlan.DECIDER);
    private static final PlanRevised FIRST =
            new PlanRevised("stroud-2023-2026", 1, SampleEvents.PLAN, "file", List.of(), "d1");

    @Test
    void theFirstImportIsRevisionOne() {
        PLAN.given()
                .when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), "d1", true))
                .then(FIRST);
    }

    @Test
    void theSameFileAgainIsNoRevision() {
        PLAN.given(FIRST)
                .when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), "d1", false))
                .thenNothing();
    }

    @Test
    void aFileThatChangesPrioritiesOrInitiativesIsTheNextRevision() {
        PLAN.given(FIRST)
                .when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of(), "d1", true))
                .then(new PlanRevised("stroud-2023-2026", 2, SampleEvents.PLAN, "file", List.of(), "d1"));
    }

    @Test
    void everyRevisionsFileIsRemembered() {
        PLAN.given(FIRST, new PlanRevised("stroud-2023-2026", 2, SampleEvents.PLAN, "file", List.of(), "d2"))
                .thenState(state -> org.junit.jupiter.api.Assertions.assertTrue(
                        state.imported("d1") && state.imported("d2") && !state.imported("d3")));
    }

    @Test
    void aFileThatChangesThePlansOwnContentIsTheNextRevision() {
        PLAN.given(FIRST)
                .when(new Revise("stroud-2023-2026", SampleEvents.PLAN, "file", List.of("refreshed 2024"), "d2", false))
                .then(new PlanRevised(
                        "stroud-2023-2026", 2, SampleEvents.PLAN, "file", List.of("refreshed 2024"), "d2"));
    }
}
