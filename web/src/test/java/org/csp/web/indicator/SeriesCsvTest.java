package org.csp.web.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCsvTest {

    @Test
    void aRowPerPeriodWithItsFiguresAndSpecialCauses() {
        SeriesBody series = new SeriesBody(
                "stroud",
                new SeriesBody.Indicator("ASB-INCIDENTS", "ASB", "count", "monthly", "lower-is-better"),
                new SeriesBody.Place("E07000082", "Stroud", "district"),
                "2024-25-Q1",
                "2024-25-Q2",
                List.of(
                        new SeriesBody.Point(
                                "2024-25-Q1",
                                new BigDecimal("410"),
                                "2023-24-Q1",
                                new BigDecimal("398.5"),
                                null,
                                null,
                                List.of()),
                        new SeriesBody.Point(
                                "2024-25-Q2",
                                null,
                                "2023-24-Q2",
                                null,
                                new BigDecimal("380"),
                                new SeriesBody.Band(
                                        new BigDecimal("400"), new BigDecimal("350"), new BigDecimal("450")),
                                List.of(
                                        new SeriesBody.Flag("run", "concern", true, "Seven above the mean."),
                                        new SeriesBody.Flag("trend", "concern", true, "Six rising.")))),
                null,
                null);
        assertEquals("""
                period,value,lastYearPeriod,lastYear,target,familyGroupAverage,familyGroupLower,familyGroupUpper,specialCauses
                2024-25-Q1,410,2023-24-Q1,398.5,,,,,
                2024-25-Q2,,2023-24-Q2,,380,400,350,450,"run:concern;trend:concern"
                """, SeriesCsv.csv(series));
    }
}
