package org.csp.engagement.engagement;

import static org.csp.engagement.engagement.EngagementDeciderTest.FOLLOW_UP;
import static org.csp.engagement.engagement.EngagementDeciderTest.ID;
import static org.csp.engagement.engagement.EngagementDeciderTest.WORKSHOP;
import static org.csp.engagement.engagement.EngagementDeciderTest.WORKSHOP_RECORDED;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored engagement event type keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts}). */
class EngagementEventSchemaTest {

    @Test
    void shapes() {
        PinnedJson.assertMatches(EngagementEvent.TYPES, "engagement.activity.recorded.v3", WORKSHOP_RECORDED);
        PinnedJson.assertMatches(
                EngagementEvent.TYPES,
                "engagement.activity.amended.v2",
                new EngagementEvent.EngagementAmended(ID, WORKSHOP));
        PinnedJson.assertMatches(
                EngagementEvent.TYPES,
                "engagement.activity.withdrawn.v1",
                new EngagementEvent.EngagementWithdrawn(ID, "Recorded twice"));
        PinnedJson.assertMatches(EngagementEvent.TYPES, "engagement.activity.follow-up-added.v1", FOLLOW_UP);
    }

    /**
     * v2 records and v1 amendments named organisations in free text: they read as the current types with those names
     * and no registry ids.
     */
    @Test
    void freeTextOrganisationsAreUpcastAsNamesWithoutIds() {
        Details named = new Details(
                WORKSHOP.type(),
                WORKSHOP.title(),
                WORKSHOP.startDate(),
                WORKSHOP.endDate(),
                WORKSHOP.place(),
                WORKSHOP.priorities(),
                WORKSHOP.initiatives(),
                null,
                "Stroud District Council",
                List.of(),
                List.of("Stroud District Council", "Neighbourhood Watch"),
                WORKSHOP.audience(),
                WORKSHOP.attendance(),
                WORKSHOP.reach(),
                WORKSHOP.outcomes());
        PinnedJson.assertUpcasts(
                EngagementEvent.TYPES,
                "engagement.activity.recorded.v2",
                new EngagementEvent.EngagementRecorded(ID, named));
        PinnedJson.assertUpcasts(
                EngagementEvent.TYPES,
                "engagement.activity.amended.v1",
                new EngagementEvent.EngagementAmended(ID, named));
    }

    /** The v1 record shipped with the walking skeleton: it reads as v2, one date for start and end, the place a name. */
    @Test
    void recordedV1IsUpcast() {
        PinnedJson.assertUpcasts(
                EngagementEvent.TYPES,
                "engagement.activity.recorded.v1",
                new EngagementEvent.EngagementRecorded(
                        "5f0c6f5e-0000-3000-8000-000000000001",
                        new Details(
                                "workshop",
                                "Crime prevention workshop for VCSE organisations",
                                LocalDate.of(2024, 8, 14),
                                LocalDate.of(2024, 8, 14),
                                new Place(null, null, "Stroud Central"),
                                List.of(4),
                                List.of(),
                                null,
                                null,
                                List.of(),
                                List.of("Stroud District Council", "Neighbourhood Watch"),
                                null,
                                23,
                                null,
                                "Checklist handed to 12 organisations")));
    }
}
