package org.csp.web.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.csp.security.Roles;
import org.csp.web.layout.Navigation;
import org.junit.jupiter.api.Test;

/** The navigation leads each role to the engagement pages it may open, and to no other. */
class EngagementRolesTest {

    private static boolean linked(String role, String text) {
        return Navigation.items(Set.of(role), "2024-25-Q2", "/engagement").stream()
                .anyMatch(item -> item.text().equals(text));
    }

    @Test
    void caseReviewsAreLinkedForExactlyTheRolesThatMayReadThem() {
        Set<String> roles = new HashSet<>(Roles.READING_ROLES);
        roles.add(Roles.ADMINISTRATOR);
        for (String role : roles) {
            assertEquals(EngagementPages.mayReadCaseReviews(Set.of(role)), linked(role, "Case reviews"), role);
        }
    }

    /** Everyone who reads a partnership, a county analyst too (for the partnership chosen with the switcher). */
    @Test
    void engagementIsLinkedForEveryoneWhoReadsAPartnership() {
        for (String role : Roles.READING_ROLES) {
            assertEquals(true, linked(role, "Engagement"), role);
        }
        assertEquals(false, linked(Roles.ADMINISTRATOR, "Engagement"));
    }

    @Test
    void recordingIsForCoordinatorsAndEngagementOfficersAsTheServiceAllows() {
        assertEquals(Set.of("coordinator", "engagement-officer"), EngagementPages.RECORDERS);
        assertEquals(true, EngagementPages.mayRecord(Set.of("viewer", "engagement-officer")));
        assertEquals(false, EngagementPages.mayRecord(Set.of("viewer", "priority-lead")));
    }
}
