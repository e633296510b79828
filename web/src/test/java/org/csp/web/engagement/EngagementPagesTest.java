package org.csp.web.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class EngagementPagesTest {

    private static final FinancialQuarter LATEST = new FinancialQuarter(2024, 2);
    private static final Map<Integer, String> PRIORITIES = Map.of(1, "Tackle ASB", 4, "Build confidence");

    private static EngagementBody engagement(String id, String title, LocalDate start, LocalDate end) {
        return new EngagementBody(
                id,
                "workshop",
                title,
                start,
                end,
                FinancialQuarter.of(start).label(),
                new EngagementBody.Place("ward", "E05010970", "Stroud Central"),
                List.of(1, 4),
                List.of("P4-06"),
                "stroud-district-council",
                "Stroud District Council",
                List.of("gloucestershire-constabulary"),
                List.of("Gloucestershire Constabulary"),
                "Traders",
                1200,
                null,
                "Traders asked for more patrols.",
                List.of(),
                false,
                null,
                3);
    }

    private static EngagementPages.Filters noFilters() {
        return EngagementPages.Filters.of(null, null, null, null, null, null);
    }

    @Test
    void aFilterOutsideItsChoicesIsNoFilter() {
        EngagementPages.Filters filters = EngagementPages.Filters.of("2024-25-Q9", "party", "0", "Stroud", "yes", "-1");
        assertEquals(new EngagementPages.Filters(null, null, null, null, false, 1), filters);
        assertFalse(filters.narrowing());
        EngagementPages.Filters set =
                EngagementPages.Filters.of("2024-25-Q1", "school-presentation", "4", " e05010970 ", "true", "3");
        assertEquals(new EngagementPages.Filters("2024-25-Q1", "school-presentation", 4, "E05010970", true, 3), set);
        assertTrue(set.narrowing());
        assertTrue(
                EngagementPages.Filters.of(null, null, null, "E07000082", null, null)
                        .narrowing(),
                "a place alone");
        assertNull(
                EngagementPages.Filters.of("2024/25 Q1", null, "21", null, null, null)
                        .quarter(),
                "the address's form only");
        assertNull(
                EngagementPages.Filters.of(null, null, "21", null, null, null).priority(),
                "beyond the service's priorities");
    }

    @Test
    void theListIsNewestFirstWithTheFiltersSelectedAndShowsHowManyMatch() {
        List<EngagementBody> matching = List.of(
                engagement("a", "Older", LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 3)),
                engagement("b", "Newer", LocalDate.of(2024, 8, 14), LocalDate.of(2024, 8, 16)));
        EngagementListPage page = EngagementPages.list(
                EngagementPages.Filters.of(null, "workshop", "4", null, null, null),
                matching,
                9,
                PRIORITIES,
                LATEST,
                Set.of("viewer"));
        assertEquals(
                List.of("Newer", "Older"),
                page.rows().stream().map(EngagementListPage.Row::title).toList());
        assertEquals(2, page.shown());
        assertEquals(9, page.total());
        EngagementListPage.Row newer = page.rows().get(0);
        assertEquals("14 August 2024 to 16 August 2024", newer.dates());
        assertEquals("Stroud Central (E05010970)", newer.place());
        assertEquals("1, 4", newer.priorities());
        assertEquals("1,200", newer.attendance());
        assertEquals("Workshop", newer.type());
        assertEquals("3 April 2024", page.rows().get(1).dates(), "one day: its date alone");
        assertEquals(
                List.of("workshop"),
                page.filter().types().stream()
                        .filter(EngagementListPage.Option::selected)
                        .map(EngagementListPage.Option::value)
                        .toList());
        assertEquals(
                List.of("Priority 1: Tackle ASB", "Priority 4: Build confidence"),
                page.filter().priorities().stream()
                        .map(EngagementListPage.Option::label)
                        .toList());
        assertTrue(page.filter().priorities().get(1).selected());
        assertEquals(EngagementPages.QUARTERS_OFFERED, page.filter().quarters().size());
        assertEquals("2024-25-Q2", page.filter().quarters().get(0).value());
        assertEquals("2021-22-Q3", page.filter().quarters().get(11).value());
        assertFalse(page.pagination().shown(), "one page needs no pagination");
    }

    @Test
    void aLongListIsPagedAndEveryPageKeepsTheFilters() {
        List<EngagementBody> matching = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 7, 1);
        for (int i = 0; i < EngagementPages.PAGE_SIZE * 2 + 1; i++) {
            matching.add(engagement("id-" + i, "Day " + i, first.plusDays(i), null));
        }
        EngagementListPage second = EngagementPages.list(
                EngagementPages.Filters.of("2024-25-Q2", null, null, "E05010970", "true", "2"),
                matching,
                matching.size(),
                PRIORITIES,
                LATEST,
                Set.of("coordinator"));
        assertEquals(EngagementPages.PAGE_SIZE, second.rows().size());
        assertEquals("Day " + (EngagementPages.PAGE_SIZE), second.rows().get(0).title(), "page 2 of newest first");
        assertEquals(matching.size(), second.shown());
        assertEquals(
                "/engagement?quarter=2024-25-Q2&place=E05010970&includeWithdrawn=true",
                second.pagination().previous());
        assertEquals(
                "/engagement?quarter=2024-25-Q2&place=E05010970&includeWithdrawn=true&page=3",
                second.pagination().next());
        assertEquals(3, second.pagination().pages().size());
        assertTrue(second.pagination().pages().get(1).current());

        EngagementListPage beyond = EngagementPages.list(
                EngagementPages.Filters.of(null, null, null, null, null, "99"),
                matching,
                matching.size(),
                PRIORITIES,
                LATEST,
                Set.of("coordinator"));
        assertEquals(
                List.of("Day 0"),
                beyond.rows().stream().map(EngagementListPage.Row::title).toList(),
                "the last");
        assertNull(beyond.pagination().next());
    }

    @Test
    void onlyCoordinatorsAndEngagementOfficersRecordAndReadCaseReviews() {
        for (String role : List.of("coordinator", "engagement-officer")) {
            EngagementListPage page = EngagementPages.list(noFilters(), List.of(), 0, PRIORITIES, LATEST, Set.of(role));
            assertTrue(page.mayRecord(), role);
            assertTrue(page.mayReadCaseReviews(), role);
        }
        for (String role : List.of("viewer", "priority-lead", "partner-agency", "county-analyst", "administrator")) {
            EngagementListPage page = EngagementPages.list(noFilters(), List.of(), 0, PRIORITIES, LATEST, Set.of(role));
            assertFalse(page.mayRecord(), role);
            assertFalse(page.mayReadCaseReviews(), role);
        }
    }

    @Test
    void anActivitysPageSaysEverythingInWordsAndKeepsTextAsItCame() {
        EngagementBody e = engagement("b", "<b>Fair</b>", LocalDate.of(2024, 8, 14), LocalDate.of(2024, 8, 14));
        EngagementPage page = EngagementPages.page(e, PRIORITIES, true);
        assertEquals("<b>Fair</b>", page.title(), "escaped by the template, not changed here");
        assertTrue(page.recorded());
        assertEquals("Priority 1: Tackle ASB; Priority 4: Build confidence", value(page, "Priorities"));
        assertEquals("2024/25 Q2", value(page, "Quarter"));
        assertEquals("Stroud District Council", value(page, "Lead organisation"));
        assertEquals("Gloucestershire Constabulary", value(page, "Organisations taking part"));
        assertEquals("Not recorded", value(page, "Reach"));
        assertEquals("14 August 2024", value(page, "Date"));
    }

    @Test
    void aPlaceWithoutACodeOrWithoutANameIsShownWithWhatItHas() {
        assertEquals("Nailsworth", EngagementPages.place(new EngagementBody.Place(null, null, "Nailsworth")));
        assertEquals("E04000001", EngagementPages.place(new EngagementBody.Place("parish", "E04000001", null)));
        assertEquals("Not recorded", EngagementPages.place(null));
    }

    private static String value(EngagementPage page, String key) {
        return page.fields().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow()
                .value();
    }
}
