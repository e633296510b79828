package org.csp.web.year;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearPagesTest {

    @Test
    void eachIndicatorHasItsFourQuartersAndTheYearAgainstTheYearBefore() {
        YearBody body = new YearBody(
                "stroud",
                "2024-25",
                List.of(new YearBody.Priority(
                        1,
                        "Tackle ASB",
                        List.of(new YearBody.Indicator(
                                "ASB-INCIDENTS",
                                "ASB incidents",
                                "count",
                                List.of(
                                        new YearBody.Quarter("2024/25 Q1", new BigDecimal("410"), null, "green"),
                                        new YearBody.Quarter("2024/25 Q3", new BigDecimal("1205"), null, "amber")),
                                new YearBody.Year(
                                        new BigDecimal("1615"),
                                        new BigDecimal("1700"),
                                        new BigDecimal("-85"),
                                        new BigDecimal("-5.0"),
                                        null,
                                        "green",
                                        "improving"))),
                        new YearBody.Initiatives(3, List.of("P1-01"), List.of("P1-02", "P1-03"), List.of("P1-03")))),
                1);
        YearPage page = YearPages.page("2024-25", body);
        assertEquals("2024/25", page.yearLabel());
        assertEquals("2023/24", page.lastYearLabel());
        YearPage.Indicator row = page.priorities().get(0).indicators().get(0);
        assertEquals(List.of("410", "No figure", "1,205", "No figure"), row.quarters());
        assertEquals("1,615", row.year());
        assertEquals("1,700", row.lastYear());
        assertEquals("Down 85 (5%)", row.change());
        assertEquals("No target", row.target());
        assertEquals("Improving", row.direction());
        assertEquals("1: P1-01", page.priorities().get(0).completed());
        assertEquals("2: P1-02, P1-03", page.priorities().get(0).carriedOver());
    }

    @Test
    void theYearBeforeCrossesACentury() {
        assertEquals("2098-99", YearPages.before("2099-00"));
        assertEquals("2023-24", YearPages.before("2024-25"));
    }
}
