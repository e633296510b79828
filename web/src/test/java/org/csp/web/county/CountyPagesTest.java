package org.csp.web.county;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class CountyPagesTest {

    private static CountyBody.Row row(String partnership, String name, String indicator, String value, String rag) {
        return new CountyBody.Row(
                partnership,
                name,
                indicator,
                "Title of " + indicator,
                "count",
                value == null ? null : new BigDecimal(value),
                null,
                rag,
                "stable",
                "open",
                3,
                5);
    }

    @Test
    void partnershipsAreColumnsByNameAndAMissingFigureSaysSo() {
        CountyBody feed = new CountyBody(
                "2024-25-Q2",
                "gloucestershire",
                List.of(
                        row("stroud", "Stroud", "ASB", "410", "green"),
                        row("cheltenham", "Cheltenham", "ASB", "1205", "red"),
                        row("cheltenham", "Cheltenham", "CRIME", "3100", "amber")));
        CountyPage page = CountyPages.page(new FinancialQuarter(2024, 2), feed);
        assertEquals("Gloucestershire", page.county(), "the county's id (as the feed gives it) in words");
        assertEquals(
                List.of("Cheltenham", "Stroud"),
                page.partnerships().stream().map(CountyPage.Partnership::name).toList());
        assertEquals("Review open, 3 of 5 reports", page.partnerships().get(0).review());
        assertEquals(
                List.of("ASB", "CRIME"),
                page.indicators().stream().map(CountyPage.Indicator::code).toList());
        assertEquals(
                List.of("1,205", "410"),
                page.indicators().get(0).cells().stream()
                        .map(CountyPage.Cell::value)
                        .toList());
        assertEquals(
                List.of("3,100", "No figure"),
                page.indicators().get(1).cells().stream()
                        .map(CountyPage.Cell::value)
                        .toList());
        assertEquals("Red", page.indicators().get(0).cells().get(0).rag().text());
    }
}
