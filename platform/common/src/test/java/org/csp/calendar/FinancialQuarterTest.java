package org.csp.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinancialQuarterTest {

    @Test
    void bothWrittenFormsParse() {
        assertEquals(Optional.of(new FinancialQuarter(2024, 2)), FinancialQuarter.parse("2024/25 Q2"));
        assertEquals(Optional.of(new FinancialQuarter(2024, 2)), FinancialQuarter.parse("2024-25-Q2"));
    }

    @Test
    void nonsenseDoesNotParse() {
        assertEquals(Optional.empty(), FinancialQuarter.parse("2024/26 Q2"));
        assertEquals(Optional.empty(), FinancialQuarter.parse("2024/25 Q5"));
        assertEquals(Optional.empty(), FinancialQuarter.parse("2024 Q2"));
        assertEquals(Optional.empty(), FinancialQuarter.parse(null));
    }

    @Test
    void quartersFollowTheUkFinancialYear() {
        assertEquals(new FinancialQuarter(2024, 1), FinancialQuarter.of(LocalDate.of(2024, 4, 1)));
        assertEquals(new FinancialQuarter(2024, 2), FinancialQuarter.of(YearMonth.of(2024, 8)));
        assertEquals(new FinancialQuarter(2024, 3), FinancialQuarter.of(LocalDate.of(2024, 12, 31)));
        assertEquals(new FinancialQuarter(2024, 4), FinancialQuarter.of(LocalDate.of(2025, 3, 31)));
        assertEquals(new FinancialQuarter(2023, 4), FinancialQuarter.of(LocalDate.of(2024, 1, 15)));
    }

    @Test
    void boundsAndLabels() {
        FinancialQuarter q2 = new FinancialQuarter(2024, 2);
        assertEquals(LocalDate.of(2024, 7, 1), q2.firstDay());
        assertEquals(LocalDate.of(2024, 9, 30), q2.lastDay());
        assertEquals("2024/25 Q2", q2.label());
        assertEquals("2024-25-Q2", q2.pathId());
        assertEquals(LocalDate.of(2025, 3, 31), new FinancialQuarter(2024, 4).lastDay());
        assertTrue(q2.contains(LocalDate.of(2024, 9, 30)));
        assertFalse(q2.contains(LocalDate.of(2024, 10, 1)));
        assertEquals(
                "1999/00 Q1".length(), new FinancialQuarter(2099, 1).label().length());
    }
}
