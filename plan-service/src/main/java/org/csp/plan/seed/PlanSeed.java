package org.csp.plan.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.Initiatives;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads each configured plan file (one per partnership) at start-up: every initiative not yet in the event store
 * is defined, all in one transaction. Running it again defines nothing, so a restart never duplicates the plan.
 */
@ApplicationScoped
public class PlanSeed {

    private static final Logger LOG = Logger.getLogger(PlanSeed.class);

    private final Initiatives initiatives;
    private final ObjectMapper json;
    private final List<String> planFiles;

    public PlanSeed(Initiatives initiatives, ObjectMapper json, PlanSeedConfig config) {
        this.initiatives = initiatives;
        this.json = json;
        this.planFiles = config.plans();
    }

    /** The data file's shape: a partnership, its plan period and its priorities with their initiatives. */
    public record PlanFile(Partnership partnership, Plan plan, List<Priority> priorities) {
        public record Partnership(String id, String name, String gss) {
        }

        public record Plan(String title, LocalDate start, LocalDate end) {
        }

        public record Priority(int number, String title, String leadOrganisation, List<Item> initiatives) {
        }

        public record Item(String id, String title) {
        }
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        for (String file : planFiles) {
            PlanFile plan = SeedFiles.read(json, file, PlanFile.class);
            List<DefineInitiative> definitions = definitions(plan);
            long added = ready.store().inTransaction(unit -> Multi.createFrom().iterable(definitions)
                            .onItem().transformToUniAndConcatenate(d -> initiatives.define(unit, plan.partnership().id(), d))
                            .filter(Boolean::booleanValue).collect().asList().map(List::size))
                    .await().atMost(Duration.ofMinutes(2));
            LOG.infof("Plan '%s' for %s: %d initiatives, %d newly defined", plan.plan().title(), plan.partnership().id(),
                    definitions.size(), added);
        }
    }

    /** The command each initiative of the file stands for. */
    static List<DefineInitiative> definitions(PlanFile plan) {
        List<DefineInitiative> list = new ArrayList<>();
        for (PlanFile.Priority priority : plan.priorities()) {
            for (PlanFile.Item item : priority.initiatives()) {
                list.add(new DefineInitiative(item.id(), priority.number(), priority.title(), item.title(),
                        priority.leadOrganisation(), plan.plan().start(), plan.plan().end()));
            }
        }
        return list;
    }
}
