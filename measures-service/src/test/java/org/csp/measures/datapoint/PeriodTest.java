package org.csp.measures.datapoint;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    @Test
    void aMonth() {
        Period p = Period.parse("2024-08").orElseThrow();
        assertEquals(Period.Kind.MONTH, p.kind());
        assertEquals(LocalDate.of(2024, 8, 31), p.lastDay());
        assertEquals("2024/25 Q2", p.quarter().orElseThrow().label());
        assertEquals("2024-08", p.pathId());
    }

    @Test
    void aQuarterInEitherForm() {
        Period written = Period.parse("2024/25 Q4").orElseThrow();
        assertEquals(Period.Kind.QUARTER, written.kind());
        assertEquals(LocalDate.of(2025, 1, 1), written.firstDay());
        assertEquals(written, Period.parse("2024-25-Q4").orElseThrow());
        assertEquals("2024-25-Q4", written.pathId());
    }

    @Test
    void aFinancialYear() {
        Period year = Period.parse("2024/25").orElseThrow();
        assertEquals(Period.Kind.YEAR, year.kind());
        assertEquals(LocalDate.of(2024, 4, 1), year.firstDay());
        assertEquals(LocalDate.of(2025, 3, 31), year.lastDay());
        assertEquals(year, Period.parse("2024-25").orElseThrow());
        assertTrue(year.quarter().isEmpty());
    }

    @Test
    void nonsenseIsNoPeriod() {
        for (String text : new String[]{"2024-13", "2024/26", "24-08", "2024 Q2", "August 2024", "", "1999-12"}) {
            assertTrue(Period.parse(text).isEmpty(), text);
        }
    }
}
