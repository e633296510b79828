package org.csp.eventcatalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What each event type means, in one place, in the words of docs/events.md: a summary, whether the type is still
 * written or only read (an older version its service upcasts), and the top-level fields some events of the type lack.
 * {@code EventCatalogueTest} fails when a type of the event contracts has no entry here, or an entry no type.
 */
final class EventDescriptions {

    /** How the catalogue describes one type. */
    record Description(String summary, boolean readOnly, Set<String> optionalFields) {}

    private static final Map<String, Description> BY_TYPE = new LinkedHashMap<>();

    static {
        // plan-service
        written(
                "plan.plan.revised.v1",
                "A plan file was imported and changed something; revision 1 creates the plan."
                        + " The events of every part it changed follow in the same transaction.");
        written("plan.organisation.defined.v1", "An organisation joins the registry (again, if it had been retired).");
        written("plan.organisation.amended.v1", "An organisation's definition changed: the whole definition after it.");
        written("plan.organisation.retired.v1", "An organisation leaves the registry, with the reason.");
        written("plan.priority.defined.v1", "A priority of the plan is defined.");
        written("plan.priority.amended.v1", "A priority's definition changed: the whole definition after it.");
        written("plan.priority.retired.v1", "A priority leaves the plan, with the reason.");
        written("plan.objective.defined.v1", "An objective of a priority is defined.");
        written("plan.objective.amended.v1", "An objective's definition changed: the whole definition after it.");
        written("plan.objective.retired.v1", "An objective leaves the plan, with the reason.");
        readOnly(
                "plan.initiative.defined.v1",
                "No longer written; read as v2: the lead's name becomes its registry id,"
                        + " the priority title is dropped, the other fields are empty.");
        written("plan.initiative.defined.v2", "The initiative is part of the plan (again, if it had been retired).");
        written("plan.initiative.amended.v1", "An initiative's definition changed: the whole definition after it.");
        written("plan.initiative.retired.v1", "The initiative leaves the plan; its history and progress stay.");
        readOnly(
                "plan.initiative.updated.v1",
                "No longer written; read as v2 with reportedBy null (who reported it is" + " unknown).");
        written(
                "plan.initiative.updated.v2",
                "A quarter's progress report on an initiative and who made it (subject,"
                        + " role and organisation, never a name); a later one for the same quarter replaces it.");
        written("plan.quarterly-review.opened.v1", "A quarterly review opens, with the priorities expected to report.");
        written(
                "plan.quarterly-review.report-submitted.v1",
                "A priority's report for the quarter; a resubmission" + " replaces it.");
        written(
                "plan.quarterly-review.closed.v1",
                "The review is closed with what was reported; the quarter's progress" + " is frozen.");
        written("plan.quarterly-review.reopened.v1", "A closed review is reopened, with the reason.");
        written(
                "plan.priority-lead.assigned.v1",
                "From now on the lead (a token subject) leads exactly these"
                        + " priorities; none: the mapping is withdrawn.");

        // measures-service
        readOnly("measures.indicator.defined.v1", "No longer written (flat); read as v2, then as v3, not public.");
        readOnly("measures.indicator.defined.v2", "No longer written (no public flag); read as v3, not public.");
        readOnly(
                "measures.indicator.amended.v1", "No longer written (no public flag); read as amended.v2, not public.");
        written(
                "measures.measure.recorded.v1",
                "The first figure for a data point: indicator, period, geography and" + " source.",
                Set.of("numerator", "denominator"));
        written(
                "measures.measure.revised.v1",
                "A different figure for a data point, with the reason and the previous"
                        + " value; the earlier revisions stay.");
        readOnly(
                "measures.comparator.recorded.v1",
                "No longer written; read as v2 with value, rank, groupSize and" + " source null.");
        written(
                "measures.catalogue.revised.v1",
                "A catalogue file imported through the API changed something; the"
                        + " indicators' events follow in the same transaction.");
        written(
                "measures.comparator.recorded.v2",
                "The Most Similar Family Group's figures for a period, with the"
                        + " partnership's own figure, rank and group size; a new revision when any of them changes.");
        written(
                "measures.comparator-source.saved.v1",
                "How a source's family-group exports (iQuanta, MaiDen) are read"
                        + " was saved: the whole column mapping.");
        written(
                "measures.indicator.defined.v3",
                "An indicator joins the catalogue; its definition says whether the"
                        + " public figures show its counts, suppressed below the disclosure threshold.");
        written(
                "measures.indicator.amended.v2",
                "The coordinator changed an indicator's definition: the whole" + " definition after the change.");

        // engagement-service
        readOnly(
                "engagement.activity.recorded.v1",
                "No longer written; read as v2: the date starts and ends it, the"
                        + " place keeps its name with no level or code.");
        readOnly(
                "engagement.activity.recorded.v2",
                "No longer written (organisations as free-text names); read as v3" + " with the names and no ids.");
        written(
                "engagement.activity.recorded.v3",
                "An engagement that took place; organisations by their registry ids,"
                        + " with their names as the registry gave them then.");
        readOnly(
                "engagement.activity.amended.v1",
                "No longer written; read as amended.v2, as recorded.v2 is read as" + " v3.");
        written(
                "engagement.activity.amended.v2",
                "An engagement record corrected: the whole details after the" + " correction.");
        written(
                "engagement.activity.withdrawn.v1",
                "Recorded in error or did not take place; it leaves lists and" + " totals.");
        written("engagement.activity.follow-up-added.v1", "\"You said, we did\": a follow-up to an engagement.");
        written("engagement.consultation.opened.v1", "A consultation or survey opens, with its questions.");
        written("engagement.consultation.closed.v1", "A consultation or survey closes.");
        written(
                "engagement.consultation.results-published.v1",
                "Aggregate results; measures-service turns those"
                        + " naming an indicator into perception data points. A later publication corrects an earlier one.");
        written("engagement.review.received.v1", "An ASB case review (formerly community trigger) application.");
        written(
                "engagement.review.threshold-decided.v1",
                "Whether the case review threshold is met; the reason" + " sealed with the case review's own key.");
        written("engagement.review.meeting-held.v1", "A case review meeting was held with these agencies.");
        written("engagement.review.recommendations-recorded.v1", "The case review's recommendations, each sealed.");
        written("engagement.review.closed.v1", "The case review is closed with its outcome; the summary sealed.");
    }

    private EventDescriptions() {}

    /** The description of {@code type}; a type with none fails loudly, so no type is catalogued without words. */
    static Description of(String type) {
        Description description = BY_TYPE.get(type);
        if (description == null) {
            throw new IllegalArgumentException("No description of event type '" + type + "' in EventDescriptions");
        }
        return description;
    }

    /** Every described type. */
    static Set<String> types() {
        return BY_TYPE.keySet();
    }

    private static void written(String type, String summary) {
        written(type, summary, Set.of());
    }

    private static void written(String type, String summary, Set<String> optionalFields) {
        add(type, new Description(summary, false, optionalFields));
    }

    private static void readOnly(String type, String summary) {
        add(type, new Description(summary, true, Set.of()));
    }

    private static void add(String type, Description description) {
        if (BY_TYPE.putIfAbsent(type, description) != null) {
            throw new IllegalStateException("Event type '" + type + "' is described twice");
        }
    }
}
