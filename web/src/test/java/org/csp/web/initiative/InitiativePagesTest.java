package org.csp.web.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class InitiativePagesTest {

    private static final FinancialQuarter LATEST = new FinancialQuarter(2024, 2);

    private static InitiativeBody initiative(String status, String rag, List<InitiativeBody.Progress> progress) {
        return new InitiativeBody(
                "P1-02",
                1,
                "Tackle ASB",
                List.of("P1-O1"),
                "Town centre patrols",
                "gloucestershire-constabulary",
                null,
                List.of("Stroud District Council"),
                LocalDate.of(2023, 4, 1),
                LocalDate.of(2026, 3, 31),
                null,
                null,
                List.of(),
                null,
                status,
                rag,
                progress,
                7);
    }

    private static InitiativePage page(InitiativeBody initiative, InitiativePages.Entered entered) {
        return InitiativePages.page(initiative, true, LATEST, entered, false, null, List.of(), null);
    }

    @Test
    void anInitiativeNeverReportedOnSaysSo() {
        InitiativePage page =
                page(initiative(null, null, List.of()), new InitiativePages.Entered(null, null, null, null));
        assertEquals("Not reported", page.status().text());
        assertEquals("Not rated", page.rag().text());
        assertEquals(
                "gloucestershire-constabulary",
                page.fields().stream()
                        .filter(f -> f.key().equals("Lead partner"))
                        .findFirst()
                        .orElseThrow()
                        .value(),
                "the id when the registry has no name");
        assertTrue(page.history().isEmpty());
        assertEquals(
                "None",
                page.fields().stream()
                        .filter(f -> f.key().equals("Funding"))
                        .findFirst()
                        .orElseThrow()
                        .value());
    }

    @Test
    void theFormOffersOnlyQuartersOfTheInitiativesTimescale() {
        InitiativeBody ended = new InitiativeBody(
                "P1-03",
                1,
                "Tackle ASB",
                List.of(),
                "Ended",
                null,
                null,
                List.of(),
                LocalDate.of(2023, 10, 1),
                LocalDate.of(2024, 3, 31),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                1);
        InitiativePage page = InitiativePages.page(
                ended,
                true,
                new FinancialQuarter(2026, 2),
                new InitiativePages.Entered(null, null, null, null),
                false,
                null,
                List.of(),
                null);
        assertEquals(
                List.of("2023-24-Q4", "2023-24-Q3"),
                page.form().quarters().stream()
                        .map(InitiativePage.Option::value)
                        .toList());
        assertTrue(page.form().quarters().get(0).selected());
    }

    @Test
    void theFormOffersTheLatestQuartersAndKeepsWhatWasEnteredWithTheVersionShown() {
        InitiativeBody reported = initiative(
                "on-track",
                "green",
                List.of(
                        new InitiativeBody.Progress(
                                "2024/25 Q1",
                                "on-track",
                                "green",
                                "Begun.",
                                new InitiativeBody.Reporter("a-subject", "coordinator", null)),
                        new InitiativeBody.Progress("2023/24 Q4", "not-started", "amber", null, null)));
        InitiativePage page = page(reported, new InitiativePages.Entered("2024-25-Q1", "at-risk", "red", "Late."));
        assertEquals(
                List.of("2024-25-Q2", "2024-25-Q1", "2023-24-Q4", "2023-24-Q3"),
                page.form().quarters().stream()
                        .map(InitiativePage.Option::value)
                        .toList());
        assertEquals(
                "2024-25-Q1",
                page.form().quarters().stream()
                        .filter(InitiativePage.Option::selected)
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals(
                "at-risk",
                page.form().statuses().stream()
                        .filter(InitiativePage.Option::selected)
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals("Late.", page.form().commentary());
        assertEquals(7, page.form().version());
        assertEquals(
                List.of("2024/25 Q1", "2023/24 Q4"),
                page.history().stream().map(InitiativePage.Report::quarter).toList());
        assertEquals("The partnership's coordinator", page.history().get(0).reportedBy());
        assertEquals("Not recorded", page.history().get(1).reportedBy());
    }
}
