package org.csp.gateway.quarterly;

import static org.csp.contracts.PlanEventTypes.INITIATIVE_AMENDED_V1;
import static org.csp.contracts.PlanEventTypes.INITIATIVE_DEFINED_V1;
import static org.csp.contracts.PlanEventTypes.INITIATIVE_DEFINED_V2;
import static org.csp.contracts.PlanEventTypes.INITIATIVE_RETIRED_V1;
import static org.csp.contracts.PlanEventTypes.OBJECTIVE_AMENDED_V1;
import static org.csp.contracts.PlanEventTypes.OBJECTIVE_DEFINED_V1;
import static org.csp.contracts.PlanEventTypes.OBJECTIVE_RETIRED_V1;
import static org.csp.contracts.PlanEventTypes.ORGANISATION_AMENDED_V1;
import static org.csp.contracts.PlanEventTypes.ORGANISATION_DEFINED_V1;
import static org.csp.contracts.PlanEventTypes.ORGANISATION_RETIRED_V1;
import static org.csp.contracts.PlanEventTypes.PLAN_REVISED_V1;
import static org.csp.contracts.PlanEventTypes.PRIORITY_AMENDED_V1;
import static org.csp.contracts.PlanEventTypes.PRIORITY_DEFINED_V1;
import static org.csp.contracts.PlanEventTypes.PRIORITY_LEAD_ASSIGNED_V1;
import static org.csp.contracts.PlanEventTypes.PRIORITY_RETIRED_V1;
import static org.csp.contracts.PlanEventTypes.PROGRESS_UPDATED_V1;
import static org.csp.contracts.PlanEventTypes.PROGRESS_UPDATED_V2;
import static org.csp.contracts.PlanEventTypes.REPORT_SUBMITTED_V1;
import static org.csp.contracts.PlanEventTypes.REVIEW_CLOSED_V1;
import static org.csp.contracts.PlanEventTypes.REVIEW_OPENED_V1;
import static org.csp.contracts.PlanEventTypes.REVIEW_REOPENED_V1;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventData;
import org.csp.eventsourcing.projection.UnprocessableEvent;
import org.csp.gateway.quarterly.QuarterlyTables.InitiativeRow;
import org.csp.gateway.quarterly.QuarterlyTables.ObjectiveRow;
import org.csp.gateway.quarterly.QuarterlyTables.PriorityRow;
import org.csp.gateway.quarterly.QuarterlyTables.ProgressRow;
import org.csp.gateway.quarterly.QuarterlyTables.ReportRow;
import org.csp.gateway.quarterly.QuarterlyTables.Reporter;
import org.csp.gateway.quarterly.QuarterlyTables.ReviewStep;

/**
 * plan-service's events as the view's rows, the latest per key in a batch. Initiatives come from
 * {@code plan.initiative.defined.v1} (the first contract, which named its priority's title) and {@code .v2},
 * {@code plan.initiative.amended.v1} and {@code plan.initiative.retired.v1} (a retired initiative leaves the view until
 * it is defined again); priority titles from {@code plan.priority.*}, kept per partnership and number, since v2
 * initiatives name only the number. The streams of a priority and of an initiative may be applied in either order:
 * the title is joined when the view is read, never copied onto the initiative. A quarterly review's events are kept
 * in order as steps ({@link ReviewStep}): its state, the priorities expected and reported, when it opened and closed.
 * Objectives (their priority and text) and every progress report as made (with the initiative's stream version, when
 * and, from {@code plan.initiative.updated.v2}, who), beside the latest per quarter. The plan's other events
 * (organisations, the plan's revisions, priority leads) are not part of this view.
 */
final class PlanReader {

    static final Set<String> APPLIED = Set.of(
            INITIATIVE_DEFINED_V1,
            INITIATIVE_DEFINED_V2,
            INITIATIVE_AMENDED_V1,
            INITIATIVE_RETIRED_V1,
            OBJECTIVE_DEFINED_V1,
            OBJECTIVE_AMENDED_V1,
            OBJECTIVE_RETIRED_V1,
            PROGRESS_UPDATED_V1,
            PROGRESS_UPDATED_V2,
            PRIORITY_DEFINED_V1,
            PRIORITY_AMENDED_V1,
            PRIORITY_RETIRED_V1,
            REVIEW_OPENED_V1,
            REPORT_SUBMITTED_V1,
            REVIEW_CLOSED_V1,
            REVIEW_REOPENED_V1);

    static final Set<String> IGNORED = Set.of(
            ORGANISATION_DEFINED_V1,
            ORGANISATION_AMENDED_V1,
            ORGANISATION_RETIRED_V1,
            PLAN_REVISED_V1,
            PRIORITY_LEAD_ASSIGNED_V1);

    private final Map<List<String>, InitiativeRow> initiatives = new LinkedHashMap<>();
    private final Map<List<Object>, PriorityRow> priorities = new LinkedHashMap<>();
    private final Map<List<String>, ObjectiveRow> objectives = new LinkedHashMap<>();
    private final Map<List<String>, ProgressRow> progress = new LinkedHashMap<>();
    private final List<ReportRow> reports = new ArrayList<>();
    private final List<ReviewStep> reviews = new ArrayList<>();

    /** Reads one event of {@link #APPLIED}; a bad one is refused before anything is written. */
    void read(CloudEvent event) {
        EventData f = EventData.of(event);
        String p = event.partnershipId();
        switch (event.type()) {
            case INITIATIVE_DEFINED_V1 -> {
                InitiativeRow i = new InitiativeRow(
                        p,
                        f.text("initiativeId"),
                        f.integer("priority"),
                        f.text("priorityTitle"),
                        f.text("title"),
                        f.optionalText("leadOrganisation"),
                        date(f, "start"),
                        date(f, "due"),
                        List.of(),
                        true,
                        false);
                initiatives.put(List.of(p, i.id()), i);
            }
            // plan-service amends only an active initiative, so either leaves it in the plan
            case INITIATIVE_DEFINED_V2, INITIATIVE_AMENDED_V1 -> {
                EventData d = f.object("definition");
                InitiativeRow i = new InitiativeRow(
                        p,
                        f.text("initiativeId"),
                        d.integer("priority"),
                        null,
                        d.text("title"),
                        d.optionalText("leadPartner"),
                        date(d, "start"),
                        date(d, "due"),
                        d.texts("objectives"),
                        true,
                        false);
                initiatives.put(List.of(p, i.id()), i);
            }
            case INITIATIVE_RETIRED_V1 -> {
                String id = f.text("initiativeId");
                initiatives.merge(
                        List.of(p, id),
                        new InitiativeRow(p, id, null, null, null, null, null, null, null, false, true),
                        (earlier, retired) -> earlier.retire());
            }
            case PRIORITY_DEFINED_V1, PRIORITY_AMENDED_V1 -> {
                PriorityRow r = new PriorityRow(
                        p, f.integer("priority"), f.object("definition").text("title"), true, false);
                priorities.put(List.of(p, r.number()), r);
            }
            case PRIORITY_RETIRED_V1 -> {
                int number = f.integer("priority");
                priorities.merge(
                        List.of(p, number),
                        new PriorityRow(p, number, null, false, true),
                        (earlier, retired) -> earlier.retire());
            }
            case OBJECTIVE_DEFINED_V1, OBJECTIVE_AMENDED_V1 -> {
                EventData d = f.object("definition");
                ObjectiveRow o =
                        new ObjectiveRow(p, f.text("objectiveId"), d.integer("priority"), d.text("text"), true, false);
                objectives.put(List.of(p, o.id()), o);
            }
            case OBJECTIVE_RETIRED_V1 -> {
                String id = f.text("objectiveId");
                objectives.merge(
                        List.of(p, id),
                        new ObjectiveRow(p, id, null, null, false, true),
                        (earlier, retired) -> earlier.retire());
            }
            // v2 adds who reported it; a v1 report's reporter is unknown
            case PROGRESS_UPDATED_V1, PROGRESS_UPDATED_V2 -> {
                String quarter = f.parsed(
                        "quarter", q -> FinancialQuarter.parse(q).orElseThrow().label());
                ProgressRow r = new ProgressRow(
                        p,
                        f.text("initiativeId"),
                        quarter,
                        f.text("status"),
                        f.text("rag"),
                        f.optionalText("commentary"),
                        event.time().atOffset(ZoneOffset.UTC));
                progress.put(List.of(p, r.id(), r.quarter()), r);
                EventData by = event.type().equals(PROGRESS_UPDATED_V2) ? f.optionalObject("reportedBy") : null;
                reports.add(new ReportRow(
                        p,
                        r.id(),
                        event.streamVersion(),
                        quarter,
                        r.status(),
                        r.rag(),
                        r.commentary(),
                        r.at(),
                        by == null
                                ? null
                                : new Reporter(
                                        by.text("subject"),
                                        by.optionalText("reportedAs"),
                                        by.optionalText("organisation"))));
            }
            case REVIEW_OPENED_V1, REPORT_SUBMITTED_V1, REVIEW_CLOSED_V1, REVIEW_REOPENED_V1 -> {
                String quarter = f.parsed(
                        "quarter", q -> FinancialQuarter.parse(q).orElseThrow().label());
                List<Integer> priorities = switch (event.type()) {
                    case REVIEW_OPENED_V1 -> f.integers("priorities");
                    case REPORT_SUBMITTED_V1 -> List.of(f.object("report").integer("priority"));
                    default -> List.of();
                };
                reviews.add(new ReviewStep(
                        ReviewStep.Kind.of(event.type()),
                        p,
                        quarter,
                        priorities,
                        event.time().atOffset(ZoneOffset.UTC)));
            }
            default -> throw new UnprocessableEvent(event, "not a type of the quarterly view");
        }
    }

    Collection<InitiativeRow> initiatives() {
        return initiatives.values();
    }

    Collection<PriorityRow> priorities() {
        return priorities.values();
    }

    Collection<ObjectiveRow> objectives() {
        return objectives.values();
    }

    /** Every progress report of the batch, as made. */
    List<ReportRow> reports() {
        return reports;
    }

    /** An optional date ("2026-03-31"; absent, null or empty: none). */
    private static LocalDate date(EventData f, String name) {
        String text = f.optionalText(name);
        return text == null || text.isEmpty() ? null : f.parsed(name, LocalDate::parse);
    }

    Collection<ProgressRow> progress() {
        return progress.values();
    }

    /** The batch's review events in the order they happened. */
    List<ReviewStep> reviews() {
        return reviews;
    }
}
