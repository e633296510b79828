package org.csp.plan.actionplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.plan.actionplan.PlanEvent.Definition;
import org.csp.plan.actionplan.PlanEvent.PlanRevised;

/** The action plan's state: its latest revision, and the digests of every file a revision was recorded from. */
public record ActionPlan(
        String planId,
        int revision,
        Definition definition,
        String source,
        List<String> notes,
        List<String> fileDigests) {

    /**
     * Record a plan file. {@code elementsChanged} says whether its priorities, objectives, initiatives or
     * organisations differ from what the partnership holds; if neither they nor the plan's own content changed,
     * the import changes nothing.
     */
    public record Revise(
            String planId,
            Definition definition,
            String source,
            List<String> notes,
            String fileDigest,
            boolean elementsChanged) {}

    public static final Decider<Revise, PlanEvent, ActionPlan> DECIDER = new Decider<>() {
        @Override
        public ActionPlan initialState() {
            return new ActionPlan(null, 0, null, null, List.of(), List.of());
        }

        @Override
        public ActionPlan evolve(ActionPlan state, PlanEvent event) {
            return switch (event) {
                case PlanRevised revised -> {
                    List<String> digests = new ArrayList<>(state.fileDigests());
                    digests.add(revised.fileDigest());
                    yield new ActionPlan(
                            revised.planId(),
                            revised.revision(),
                            revised.definition(),
                            revised.source(),
                            revised.notes(),
                            List.copyOf(digests));
                }
            };
        }

        @Override
        public List<PlanEvent> decide(Revise command, ActionPlan state) {
            if (!state.exists()) {
                return List.of(new PlanRevised(
                        command.planId(),
                        1,
                        command.definition(),
                        command.source(),
                        command.notes(),
                        command.fileDigest()));
            }
            boolean same = state.definition().equals(command.definition())
                    && Objects.equals(state.source(), command.source())
                    && state.notes().equals(command.notes());
            return same && !command.elementsChanged()
                    ? List.of()
                    : List.of(new PlanRevised(
                            command.planId(),
                            state.revision() + 1,
                            command.definition(),
                            command.source(),
                            command.notes(),
                            command.fileDigest()));
        }
    };

    public boolean exists() {
        return planId != null;
    }

    /** Whether a revision was ever recorded from a file with this digest. */
    public boolean imported(String fileDigest) {
        return fileDigests.contains(fileDigest);
    }

    /** A partnership holds one plan; a file for another plan id is refused. */
    static void requireSamePlan(String heldPlanId, String filePlanId) {
        if (heldPlanId != null && !heldPlanId.equals(filePlanId)) {
            throw new CommandRejected(
                    "another-plan",
                    "The partnership's plan is '" + heldPlanId + "'; a file for '" + filePlanId
                            + "' cannot be imported over it. Import a revision of '" + heldPlanId + "'.");
        }
    }
}
