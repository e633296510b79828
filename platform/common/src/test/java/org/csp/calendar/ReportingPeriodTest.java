package org.csp.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    @Test
    void aMonth() {
        ReportingPeriod p = ReportingPeriod.parse("2024-08").orElseThrow();
        assertEquals(ReportingPeriod.Kind.MONTH, p.kind());
        assertEquals(LocalDate.of(2024, 8, 31), p.lastDay());
        assertEquals("2024/25 Q2", p.quarter().orElseThrow().label());
        assertEquals("2024-08", p.pathId());
    }

    @Test
    void aQuarterInEitherForm() {
        ReportingPeriod written = ReportingPeriod.parse("2024/25 Q4").orElseThrow();
        assertEquals(ReportingPeriod.Kind.QUARTER, written.kind());
        assertEquals(LocalDate.of(2025, 1, 1), written.firstDay());
        assertEquals(written, ReportingPeriod.parse("2024-25-Q4").orElseThrow());
        assertEquals("2024-25-Q4", written.pathId());
    }

    @Test
    void aFinancialYear() {
        ReportingPeriod year = ReportingPeriod.parse("2024/25").orElseThrow();
        assertEquals(ReportingPeriod.Kind.YEAR, year.kind());
        assertEquals(LocalDate.of(2024, 4, 1), year.firstDay());
        assertEquals(LocalDate.of(2025, 3, 31), year.lastDay());
        assertEquals(year, ReportingPeriod.parse("2024-25").orElseThrow());
        assertTrue(year.quarter().isEmpty());
    }

    @Test
    void eachKindKnowsItsFinancialYearAndFrequency() {
        assertEquals("2024/25", ReportingPeriod.parse("2025-03").orElseThrow().financialYear());
        assertEquals("2024/25", ReportingPeriod.parse("2024-25").orElseThrow().financialYear());
        assertEquals(ReportingPeriod.Kind.QUARTER, ReportingPeriod.Kind.ofFrequency("quarterly"));
        assertEquals(12, ReportingPeriod.Kind.ofFrequency("monthly").perYear());
        assertEquals(null, ReportingPeriod.Kind.ofFrequency("weekly"));
        assertEquals(
                ReportingPeriod.parse("2024/25 Q3").orElseThrow(), ReportingPeriod.of(new FinancialQuarter(2024, 3)));
    }

    @Test
    void nonsenseIsNoPeriod() {
        for (String text : new String[] {
            "2024-13",
            "2024/26",
            "24-08",
            "2024 Q2",
            "August 2024",
            "",
            "1999-12",
            "2100-01",
            "2100/01",
            "2024/26",
            null
        }) {
            assertTrue(ReportingPeriod.parse(text).isEmpty(), text);
        }
    }
}
