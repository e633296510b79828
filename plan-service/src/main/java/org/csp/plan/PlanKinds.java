package org.csp.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.plan.actionplan.Plans;
import org.csp.plan.element.Kind;
import org.csp.plan.initiative.Initiatives;
import org.csp.plan.lead.PriorityLeads;
import org.csp.plan.objective.Objectives;
import org.csp.plan.organisation.Organisations;
import org.csp.plan.priority.Priorities;
import org.csp.plan.review.Reviews;

/** Every kind of aggregate the plan service keeps, so that whole-log work (rebuilds, earlier revisions) knows them all. */
public final class PlanKinds {

    public static final List<Kind<?, ?, ?>> ALL = List.of(
            Plans.KIND,
            Organisations.KIND,
            Priorities.KIND,
            Objectives.KIND,
            Initiatives.KIND,
            Reviews.KIND,
            PriorityLeads.KIND);

    private PlanKinds() {}

    public static Map<String, Kind<?, ?, ?>> byName() {
        Map<String, Kind<?, ?, ?>> kinds = new LinkedHashMap<>();
        ALL.forEach(kind -> kinds.put(kind.name(), kind));
        return kinds;
    }
}
