package org.csp.plan.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.plan.PlanKinds;
import org.csp.plan.actionplan.PlanContents;
import org.csp.plan.actionplan.PlanFile;
import org.csp.plan.actionplan.Plans;
import org.csp.plan.element.States;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

/**
 * At start-up: brings the plan_state table up to date (rebuilding it from the event store when its format changed),
 * then imports each configured plan file (one per partnership) that was never imported before, like a coordinator's
 * import. A restart with the same file records nothing and keeps what was changed through the API; a changed file is
 * recorded once, as the plan's next revision.
 */
@ApplicationScoped
public class PlanSeed {

    private static final Logger LOG = Logger.getLogger(PlanSeed.class);

    private final Plans plans;
    private final ObjectMapper json;
    private final PlanSeedConfig config;

    public PlanSeed(Plans plans, ObjectMapper json, PlanSeedConfig config) {
        this.plans = plans;
        this.json = json;
        this.config = config;
    }

    void prepareStates(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        States.prepare(ready.store(), PlanKinds.ALL);
    }

    void importPlans(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        importPlans();
    }

    /** Imports each configured plan file that was never imported before; an unchanged file is skipped whole. */
    public void importPlans() {
        for (String file : config.plans()) {
            PlanContents contents = PlanContents.of(SeedFiles.read(json, file, PlanFile.class));
            Plans.ImportResult result = plans.importSeed(contents).await().atMost(Duration.ofMinutes(2));
            LOG.infof(
                    "Plan file %s for %s: %s revision %d, %s",
                    file,
                    contents.partnershipId(),
                    result.planId(),
                    result.revision(),
                    result.changed() ? "recorded " + result.events() : "unchanged");
        }
    }
}
