package org.csp.web.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class PriorityPagesTest {

    private static final FinancialQuarter Q2 = new FinancialQuarter(2024, 2);

    private static PriorityBody.Initiative initiative(
            String id, String lead, String status, String rag, String quarter, boolean overdue) {
        PriorityBody.Progress progress = status == null
                ? null
                : new PriorityBody.Progress(quarter, status, rag, "Commentary of " + id, Instant.EPOCH);
        return new PriorityBody.Initiative(
                id,
                "Initiative " + id,
                lead,
                LocalDate.of(2025, 3, 31),
                progress,
                "2024/25 Q2".equals(quarter),
                overdue,
                null);
    }

    private static final PriorityBody PRIORITY = new PriorityBody(
            1,
            "Tackle ASB",
            "missing",
            List.of(),
            List.of(new PriorityBody.Objective("P1-O1", "Reduce ASB", 4)),
            List.of(
                    initiative("P1-01", "police", "on-track", "green", "2024/25 Q2", false),
                    initiative("P1-02", "council", "at-risk", "amber", "2024/25 Q1", true),
                    initiative("P1-03", "police", "at-risk", "red", "2024/25 Q2", true),
                    initiative("P1-04", null, null, null, null, false)));

    private static List<String> shown(PriorityPages.Filters filters) {
        return PriorityPages.page(Q2, PRIORITY, filters).initiatives().stream()
                .map(PriorityPage.Row::id)
                .toList();
    }

    @Test
    void eachFilterNarrowsTheInitiativesAndTheyCombine() {
        assertEquals(
                List.of("P1-01", "P1-02", "P1-03", "P1-04"), shown(new PriorityPages.Filters(null, null, null, false)));
        assertEquals(List.of("P1-02", "P1-03"), shown(new PriorityPages.Filters("at-risk", null, null, false)));
        assertEquals(List.of("P1-03"), shown(new PriorityPages.Filters("at-risk", "red", null, false)));
        assertEquals(List.of("P1-01", "P1-03"), shown(new PriorityPages.Filters(null, null, "police", false)));
        assertEquals(List.of("P1-02", "P1-03"), shown(new PriorityPages.Filters(null, null, null, true)));
        assertEquals(List.of("P1-02"), shown(new PriorityPages.Filters(null, "amber", "council", true)));
    }

    @Test
    void theRowsSayWhichQuarterTheLatestReportIsForAndTheFiltersWhatIsChosen() {
        PriorityPage page = PriorityPages.page(Q2, PRIORITY, new PriorityPages.Filters("at-risk", null, null, false));
        assertEquals(
                List.of("Latest: 2024/25 Q1", "This quarter"),
                page.initiatives().stream().map(PriorityPage.Row::reportFor).toList());
        assertEquals(2, page.shown());
        assertEquals(4, page.total());
        assertEquals(
                List.of("council", "police"),
                page.filter().leads().stream().map(PriorityPage.Option::value).toList());
        assertEquals(
                "at-risk",
                page.filter().statuses().stream()
                        .filter(PriorityPage.Option::selected)
                        .findFirst()
                        .orElseThrow()
                        .value());
        PriorityPage all = PriorityPages.page(Q2, PRIORITY, new PriorityPages.Filters(null, null, null, false));
        assertEquals("Never reported", all.initiatives().get(3).reportFor());
        assertEquals("Not reported", all.initiatives().get(3).status().text());
    }

    @Test
    void anAddressWithoutFiltersOrWithUnknownValuesFiltersNothing() {
        assertEquals(
                new PriorityPages.Filters(null, null, null, false), PriorityPages.Filters.of(null, null, null, null));
        assertEquals(
                new PriorityPages.Filters(null, null, null, false),
                PriorityPages.Filters.of("<b>", "purple", " ", "yes"));
        assertEquals(
                new PriorityPages.Filters("at-risk", "red", "police", true),
                PriorityPages.Filters.of("at-risk", "red", "police", "true"));
    }
}
