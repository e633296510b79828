package org.csp.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void someone_not_signed_in_sees_the_public_figures_only() {
        assertEquals(
                List.of(new Navigation.Item("Public figures", "/public/2024-25-Q2", false)),
                Navigation.items(Set.of(), "2024-25-Q2", "/signed-out"));
    }

    @Test
    void every_role_that_reads_the_partnership_sees_the_dashboard_and_engagement() {
        for (String role : List.of("priority-lead", "partner-agency", "viewer")) {
            assertEquals(
                    List.of(
                            new Navigation.Item("Dashboard", "/quarters/2024-25-Q2", true),
                            new Navigation.Item("Year-end", "/years/2024-25", false),
                            new Navigation.Item("Engagement", "/engagement", false),
                            new Navigation.Item("Public figures", "/public/2024-25-Q2", false)),
                    Navigation.items(Set.of(role), "2024-25-Q2", "/quarters/2023-24-Q4"),
                    role);
        }
    }

    @Test
    void coordinators_and_engagement_officers_also_see_the_case_reviews() {
        for (String role : List.of("coordinator", "engagement-officer")) {
            assertEquals(
                    List.of(
                            new Navigation.Item("Dashboard", "/quarters/2024-25-Q2", false),
                            new Navigation.Item("Year-end", "/years/2024-25", false),
                            new Navigation.Item("Engagement", "/engagement", true),
                            new Navigation.Item("Case reviews", "/case-reviews", false),
                            new Navigation.Item("Public figures", "/public/2024-25-Q2", false)),
                    Navigation.items(Set.of(role), "2024-25-Q2", "/engagement/consultations"),
                    role);
        }
    }

    @Test
    void a_county_analyst_also_sees_the_county_page() {
        assertEquals(
                List.of(
                        new Navigation.Item("Dashboard", "/quarters/2024-25-Q2", false),
                        new Navigation.Item("Year-end", "/years/2024-25", false),
                        new Navigation.Item("County", "/county/2024-25-Q2", true),
                        new Navigation.Item("Engagement", "/engagement", false),
                        new Navigation.Item("Public figures", "/public/2024-25-Q2", false)),
                Navigation.items(Set.of("county-analyst"), "2024-25-Q2", "/county/2024-25-Q2"));
    }

    @Test
    void an_administrator_runs_the_platform_and_reads_no_partnership() {
        assertEquals(
                List.of(
                        new Navigation.Item("Public figures", "/public/2024-25-Q2", true),
                        new Navigation.Item("Platform", "/platform", false)),
                Navigation.items(Set.of("administrator"), "2024-25-Q2", "/public/2024-25-Q2"));
    }
}
