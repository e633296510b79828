package org.csp.plan;

import static org.csp.plan.SampleEvents.CCTV;
import static org.csp.plan.SampleEvents.OBJECTIVE;
import static org.csp.plan.SampleEvents.PLAN;
import static org.csp.plan.SampleEvents.POLICE;
import static org.csp.plan.SampleEvents.PRIORITY_1;
import static org.csp.plan.SampleEvents.REPORT;

import java.time.LocalDate;
import java.util.List;
import org.csp.eventsourcing.EventTypes;
import org.csp.plan.actionplan.PlanEvent;
import org.csp.plan.initiative.InitiativeEvent;
import org.csp.plan.lead.PriorityLeadEvent;
import org.csp.plan.objective.ObjectiveEvent;
import org.csp.plan.organisation.OrganisationEvent;
import org.csp.plan.priority.PriorityEvent;
import org.csp.plan.review.ReviewEvent;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/**
 * Every event type of the plan service keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts})
 * (the events catalogue, {@code docs/events.md}, shows the same files); shipped older types still read, upcast.
 */
class EventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        for (EventTypes<?> types : List.of(
                PlanEvent.TYPES,
                OrganisationEvent.TYPES,
                PriorityEvent.TYPES,
                ObjectiveEvent.TYPES,
                InitiativeEvent.TYPES,
                ReviewEvent.TYPES,
                PriorityLeadEvent.TYPES)) {
            PinnedJson.assertEveryTypePinned(types);
        }
    }

    @Test
    void plan() {
        PinnedJson.assertMatches(
                PlanEvent.TYPES,
                "plan.plan.revised.v1",
                new PlanEvent.PlanRevised(
                        "stroud-2023-2026",
                        2,
                        PLAN,
                        "Stroud District Community Safety Partnership Action Plan 2023 – 2026",
                        List.of("The plan gives no per-initiative timescale: initiatives take the plan period."),
                        "4f1c0a9e3b7d2c6e8a5f0b1d9c7e3a2f6b8d0c4e1a9f7b3d5c2e8a6f0b4d1c9e"));
    }

    @Test
    void organisation() {
        PinnedJson.assertMatches(
                OrganisationEvent.TYPES,
                "plan.organisation.defined.v1",
                new OrganisationEvent.OrganisationDefined("gloucestershire-constabulary", POLICE));
        PinnedJson.assertMatches(
                OrganisationEvent.TYPES,
                "plan.organisation.amended.v1",
                new OrganisationEvent.OrganisationAmended("gloucestershire-constabulary", POLICE));
        PinnedJson.assertMatches(
                OrganisationEvent.TYPES,
                "plan.organisation.retired.v1",
                new OrganisationEvent.OrganisationRetired("p3", "No longer a co-opted member"));
    }

    @Test
    void priority() {
        PinnedJson.assertMatches(
                PriorityEvent.TYPES, "plan.priority.defined.v1", new PriorityEvent.PriorityDefined(1, PRIORITY_1));
        PinnedJson.assertMatches(
                PriorityEvent.TYPES, "plan.priority.amended.v1", new PriorityEvent.PriorityAmended(1, PRIORITY_1));
        PinnedJson.assertMatches(
                PriorityEvent.TYPES,
                "plan.priority.retired.v1",
                new PriorityEvent.PriorityRetired(5, "Merged into priority 2 at the annual refresh"));
    }

    @Test
    void objective() {
        PinnedJson.assertMatches(
                ObjectiveEvent.TYPES,
                "plan.objective.defined.v1",
                new ObjectiveEvent.ObjectiveDefined("P1-O1", OBJECTIVE));
        PinnedJson.assertMatches(
                ObjectiveEvent.TYPES,
                "plan.objective.amended.v1",
                new ObjectiveEvent.ObjectiveAmended("P1-O1", OBJECTIVE));
        PinnedJson.assertMatches(
                ObjectiveEvent.TYPES,
                "plan.objective.retired.v1",
                new ObjectiveEvent.ObjectiveRetired("P1-O1", "Not in the imported plan file"));
    }

    @Test
    void initiative() {
        PinnedJson.assertMatches(
                InitiativeEvent.TYPES,
                "plan.initiative.defined.v2",
                new InitiativeEvent.InitiativeDefined("P1-03", CCTV));
        PinnedJson.assertMatches(
                InitiativeEvent.TYPES,
                "plan.initiative.amended.v1",
                new InitiativeEvent.InitiativeAmended("P1-03", CCTV));
        PinnedJson.assertMatches(
                InitiativeEvent.TYPES,
                "plan.initiative.retired.v1",
                new InitiativeEvent.InitiativeRetired("P1-03", "Replaced by P1-10"));
        PinnedJson.assertMatches(
                InitiativeEvent.TYPES,
                "plan.initiative.updated.v2",
                new InitiativeEvent.ProgressUpdated(
                        "P1-03",
                        "2024/25 Q2",
                        "on-track",
                        "green",
                        "CCTV deployed",
                        new InitiativeEvent.Reporter("8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72", "priority-lead", null)));
    }

    /** A progress report made before who reported was recorded reads as v2 with its reporter unknown. */
    @Test
    void progressUpdatedV1IsUpcast() {
        PinnedJson.assertUpcasts(
                InitiativeEvent.TYPES,
                "plan.initiative.updated.v1",
                new InitiativeEvent.ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed", null));
    }

    /** The v1 definition shipped with the walking skeleton; stored ones read as v2, the lead's name as its registry id. */
    @Test
    void initiativeDefinedV1IsUpcast() {
        PinnedJson.assertUpcasts(
                InitiativeEvent.TYPES,
                "plan.initiative.defined.v1",
                new InitiativeEvent.InitiativeDefined(
                        "P1-03",
                        new InitiativeEvent.Definition(
                                1,
                                List.of(),
                                "Mobile CCTV coverage",
                                "stroud-district-council",
                                List.of(),
                                LocalDate.of(2023, 4, 1),
                                LocalDate.of(2026, 3, 31),
                                null,
                                null,
                                List.of(),
                                null,
                                List.of())));
    }

    @Test
    void review() {
        PinnedJson.assertMatches(
                ReviewEvent.TYPES,
                "plan.quarterly-review.opened.v1",
                new ReviewEvent.ReviewOpened("2024/25 Q3", List.of(1, 2, 3, 4, 5)));
        PinnedJson.assertMatches(
                ReviewEvent.TYPES,
                "plan.quarterly-review.report-submitted.v1",
                new ReviewEvent.ReportSubmitted("2024/25 Q3", REPORT));
        PinnedJson.assertMatches(
                ReviewEvent.TYPES,
                "plan.quarterly-review.closed.v1",
                new ReviewEvent.ReviewClosed("2024/25 Q3", List.of(REPORT), List.of(2, 3, 4, 5)));
        PinnedJson.assertMatches(
                ReviewEvent.TYPES,
                "plan.quarterly-review.reopened.v1",
                new ReviewEvent.ReviewReopened("2024/25 Q3", "Police figures for December were corrected"));
    }

    @Test
    void priorityLead() {
        PinnedJson.assertMatches(
                PriorityLeadEvent.TYPES,
                "plan.priority-lead.assigned.v1",
                new PriorityLeadEvent.PriorityLeadAssigned("8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72", List.of(4)));
    }
}
