package org.csp.contracts;

import java.util.List;

/**
 * The event types plan-service publishes on {@value #TOPIC}: the stored and published contract. A type string never
 * changes; a new shape is a new version beside the old one.
 */
public final class PlanEventTypes {

    public static final String TOPIC = "plan.events";
    public static final String SOURCE = "plan-service";

    public static final String PLAN_REVISED_V1 = "plan.plan.revised.v1";
    public static final String ORGANISATION_DEFINED_V1 = "plan.organisation.defined.v1";
    public static final String ORGANISATION_AMENDED_V1 = "plan.organisation.amended.v1";
    public static final String ORGANISATION_RETIRED_V1 = "plan.organisation.retired.v1";
    public static final String PRIORITY_DEFINED_V1 = "plan.priority.defined.v1";
    public static final String PRIORITY_AMENDED_V1 = "plan.priority.amended.v1";
    public static final String PRIORITY_RETIRED_V1 = "plan.priority.retired.v1";
    public static final String OBJECTIVE_DEFINED_V1 = "plan.objective.defined.v1";
    public static final String OBJECTIVE_AMENDED_V1 = "plan.objective.amended.v1";
    public static final String OBJECTIVE_RETIRED_V1 = "plan.objective.retired.v1";
    /** Shipped first; read as {@link #INITIATIVE_DEFINED_V2}. */
    public static final String INITIATIVE_DEFINED_V1 = "plan.initiative.defined.v1";

    public static final String INITIATIVE_DEFINED_V2 = "plan.initiative.defined.v2";
    public static final String INITIATIVE_AMENDED_V1 = "plan.initiative.amended.v1";
    public static final String INITIATIVE_RETIRED_V1 = "plan.initiative.retired.v1";
    /** A quarter's progress report on an initiative; shipped first, read as {@link #PROGRESS_UPDATED_V2}. */
    public static final String PROGRESS_UPDATED_V1 = "plan.initiative.updated.v1";
    /** A quarter's progress report on an initiative, with who reported it (pseudonymous: subject, role, organisation). */
    public static final String PROGRESS_UPDATED_V2 = "plan.initiative.updated.v2";

    public static final String REVIEW_OPENED_V1 = "plan.quarterly-review.opened.v1";
    public static final String REPORT_SUBMITTED_V1 = "plan.quarterly-review.report-submitted.v1";
    public static final String REVIEW_CLOSED_V1 = "plan.quarterly-review.closed.v1";
    public static final String REVIEW_REOPENED_V1 = "plan.quarterly-review.reopened.v1";
    public static final String PRIORITY_LEAD_ASSIGNED_V1 = "plan.priority-lead.assigned.v1";

    /** Every type that is or ever was on the topic. */
    public static final List<String> ALL = List.of(
            PLAN_REVISED_V1,
            ORGANISATION_DEFINED_V1,
            ORGANISATION_AMENDED_V1,
            ORGANISATION_RETIRED_V1,
            PRIORITY_DEFINED_V1,
            PRIORITY_AMENDED_V1,
            PRIORITY_RETIRED_V1,
            OBJECTIVE_DEFINED_V1,
            OBJECTIVE_AMENDED_V1,
            OBJECTIVE_RETIRED_V1,
            INITIATIVE_DEFINED_V1,
            INITIATIVE_DEFINED_V2,
            INITIATIVE_AMENDED_V1,
            INITIATIVE_RETIRED_V1,
            PROGRESS_UPDATED_V1,
            PROGRESS_UPDATED_V2,
            REVIEW_OPENED_V1,
            REPORT_SUBMITTED_V1,
            REVIEW_CLOSED_V1,
            REVIEW_REOPENED_V1,
            PRIORITY_LEAD_ASSIGNED_V1);

    private PlanEventTypes() {}
}
