package org.csp.engagement.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.engagement.EngagementCommand.AddFollowUp;
import org.csp.engagement.engagement.EngagementCommand.AmendEngagement;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementCommand.WithdrawEngagement;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.EngagementAmended;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;
import org.csp.engagement.engagement.EngagementEvent.EngagementWithdrawn;
import org.csp.engagement.engagement.EngagementEvent.FollowUpAdded;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class EngagementDeciderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String ID = "5f0c6f5e-0000-3000-8000-000000000001";
    static final Details WORKSHOP = new Details(
            "workshop",
            "Crime prevention workshop for VCSE organisations",
            LocalDate.of(2024, 8, 14),
            LocalDate.of(2024, 8, 14),
            new Place("district", "E07000082", "Stroud District"),
            List.of(4),
            List.of("P4-06"),
            "stroud-district-council",
            "Stroud District Council",
            List.of("stroud-district-council", "victim-support"),
            List.of("Stroud District Council", "Victim Support"),
            "VCSE organisations and businesses",
            23,
            null,
            "Checklist handed to 12 organisations");
    static final EngagementRecorded WORKSHOP_RECORDED = new EngagementRecorded(ID, WORKSHOP);
    static final FollowUpAdded FOLLOW_UP = new FollowUpAdded(
            ID,
            LocalDate.of(2024, 10, 1),
            "Street lighting in the car park is poor",
            "Two lights repaired; the car park is on the patrol route");

    private static final DeciderSpec<EngagementCommand, EngagementEvent, Engagement> ENGAGEMENT =
            DeciderSpec.of(Engagement.DECIDER);

    private static Details retitled(String title) {
        return new Details(
                WORKSHOP.type(),
                title,
                WORKSHOP.startDate(),
                WORKSHOP.endDate(),
                WORKSHOP.place(),
                WORKSHOP.priorities(),
                WORKSHOP.initiatives(),
                WORKSHOP.leadOrganisation(),
                WORKSHOP.leadOrganisationName(),
                WORKSHOP.organisations(),
                WORKSHOP.organisationNames(),
                WORKSHOP.audience(),
                WORKSHOP.attendance(),
                WORKSHOP.reach(),
                WORKSHOP.outcomes());
    }

    /** A public event with nothing but its dates. */
    private static Details funDay(LocalDate start, LocalDate end) {
        return new Details(
                "public-event",
                "Fun day",
                start,
                end,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null);
    }

    @Test
    void aNewRecordIsRecordedAndARetryWithTheSameDetailsChangesNothing() {
        ENGAGEMENT.given().when(new RecordEngagement(ID, WORKSHOP, TODAY)).then(WORKSHOP_RECORDED);
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new RecordEngagement(ID, WORKSHOP, TODAY))
                .thenNothing();
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new RecordEngagement(ID, retitled("Another"), TODAY))
                .thenRejected("engagement-exists");
    }

    @Test
    void datesMustBePastAndInOrder() {
        Details future = funDay(TODAY.plusDays(1), TODAY.plusDays(1));
        ENGAGEMENT.given().when(new RecordEngagement("id", future, TODAY)).thenInvalid("startDate");
        Details backwards = funDay(TODAY, TODAY.minusDays(1));
        ENGAGEMENT.given().when(new RecordEngagement("id", backwards, TODAY)).thenInvalid("endDate");
    }

    @Test
    void amendWithdrawAndFollowUpAreEvents() {
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new AmendEngagement(ID, retitled("Workshop"), TODAY))
                .then(new EngagementAmended(ID, retitled("Workshop")));
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new AmendEngagement(ID, WORKSHOP, TODAY))
                .thenNothing();
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new AddFollowUp(ID, FOLLOW_UP.addedOn(), FOLLOW_UP.youSaid(), FOLLOW_UP.weDid()))
                .then(FOLLOW_UP);
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new AddFollowUp(ID, LocalDate.of(2024, 8, 1), "x", "y"))
                .thenInvalid("addedOn");
        EngagementWithdrawn withdrawn = new EngagementWithdrawn(ID, "Recorded twice");
        ENGAGEMENT
                .given(WORKSHOP_RECORDED)
                .when(new WithdrawEngagement(ID, "Recorded twice"))
                .then(withdrawn);
        ENGAGEMENT
                .given(WORKSHOP_RECORDED, withdrawn)
                .when(new AmendEngagement(ID, retitled("x"), TODAY))
                .thenRejected("withdrawn");
        ENGAGEMENT.given().when(new WithdrawEngagement(ID, "x")).thenRejected("not-defined");
    }

    @Test
    void theStateKeepsDetailsFollowUpsAndWithdrawal() {
        ENGAGEMENT
                .given(WORKSHOP_RECORDED, FOLLOW_UP, new EngagementWithdrawn(ID, "Recorded twice"))
                .thenState(state -> {
                    assertEquals(WORKSHOP, state.details());
                    assertEquals(List.of(FOLLOW_UP), state.followUps());
                    assertTrue(state.withdrawn());
                });
    }
}
