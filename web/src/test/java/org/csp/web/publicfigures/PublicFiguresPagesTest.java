package org.csp.web.publicfigures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.Fixtures;
import org.junit.jupiter.api.Test;

class PublicFiguresPagesTest {

    private final PublicFiguresPage page = PublicFiguresPages.page(
            new FinancialQuarter(2024, 2), Fixtures.gatewayJson("public-figures.json", PublicFiguresBody.class));

    @Test
    void the_page_names_both_quarters() {
        assertEquals("2024/25 Q2", page.quarterLabel());
        assertEquals("2023/24 Q2", page.lastYearLabel());
    }

    @Test
    void a_suppressed_or_missing_count_is_not_shown_and_a_note_says_why_once_per_reason() {
        PublicFiguresPage.Table table = page.tables().getFirst();
        assertEquals(
                List.of(
                        new PublicFiguresPage.Row(
                                "Stroud",
                                false,
                                new PublicFiguresPage.Cell("1,234", 0),
                                new PublicFiguresPage.Cell("1,342", 0)),
                        new PublicFiguresPage.Row(
                                "Amberley & Woodchester",
                                true,
                                new PublicFiguresPage.Cell("Not shown", 1),
                                new PublicFiguresPage.Cell("15", 0)),
                        new PublicFiguresPage.Row(
                                "Berkeley Vale",
                                true,
                                new PublicFiguresPage.Cell("Not shown", 2),
                                new PublicFiguresPage.Cell("Not available", 3)),
                        new PublicFiguresPage.Row(
                                "Bisley",
                                true,
                                new PublicFiguresPage.Cell("Not shown", 1),
                                new PublicFiguresPage.Cell("21", 0))),
                table.rows());
        assertEquals(
                List.of(
                        new PublicFiguresPage.Note(1, "Fewer than 10: a count this small could identify someone."),
                        new PublicFiguresPage.Note(
                                2, "Not shown so that a smaller count cannot be worked out from the district's total."),
                        new PublicFiguresPage.Note(3, "Not every month of the quarter was reported.")),
                table.notes());
    }
}
