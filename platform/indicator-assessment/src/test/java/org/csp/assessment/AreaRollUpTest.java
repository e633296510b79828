package org.csp.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.csp.assessment.AreaRollUp.Coverage;
import org.csp.assessment.AreaRollUp.From;
import org.csp.calendar.FinancialQuarter;
import org.junit.jupiter.api.Test;

class AreaRollUpTest {

    private static final FinancialQuarter Q2_2024 = new FinancialQuarter(2024, 2);

    private static Assessment.Basis basis(Aggregation aggregation) {
        return new Assessment.Basis(Polarity.LOWER_IS_BETTER, aggregation, 12, BigDecimal.valueOf(5), Map.of());
    }

    private static Reading month(int year, int month, String source, int value) {
        YearMonth m = YearMonth.of(year, month);
        return new Reading(m.toString(), m.atDay(1), source, BigDecimal.valueOf(value));
    }

    /** The quarter's value of the area, assessed from what the roll-up gives. */
    private static BigDecimal value(AreaRollUp.Result result, Aggregation aggregation) {
        return Assessment.assess(basis(aggregation), Q2_2024, result.readings()).value();
    }

    @Test
    void wardFiguresPostedAloneAddUpToTheDistrictsAndSayHowManyWardsReported() {
        AreaRollUp.Result result = AreaRollUp.of(
                basis(Aggregation.SUM),
                Q2_2024,
                List.of(),
                Map.of(
                        "E05000001", List.of(month(2024, 7, "police", 10), month(2024, 8, "police", 5)),
                        "E05000002", List.of(month(2024, 7, "police", 7)),
                        "E05000003", List.of(month(2023, 7, "police", 40))),
                27);
        assertEquals(new BigDecimal("22"), value(result, Aggregation.SUM));
        assertEquals(new Coverage(From.PARTS, 2, 27), result.coverage());
        assertEquals(
                new BigDecimal("40"),
                Assessment.assess(basis(Aggregation.SUM), Q2_2024, result.readings())
                        .sameTimeLastYear());
    }

    @Test
    void aPostedDistrictFigureStandsInsteadOfItsWardsSoNothingIsCountedTwice() {
        AreaRollUp.Result result = AreaRollUp.of(
                basis(Aggregation.SUM),
                Q2_2024,
                List.of(month(2024, 7, "police", 100)),
                Map.of(
                        "E05000001", List.of(month(2024, 7, "police", 60), month(2024, 8, "police", 5)),
                        "E05000002", List.of(month(2024, 7, "police", 30), month(2024, 8, "council", 2))),
                27);
        // July: the district's own 100, not 60 + 30; August: the wards' 5 (police) and 2 (council)
        assertEquals(new BigDecimal("107"), value(result, Aggregation.SUM));
        assertEquals(new Coverage(From.OWN_AND_PARTS, 2, 27), result.coverage());
    }

    @Test
    void figuresThatNameNoSourceRollUpToo() {
        AreaRollUp.Result result = AreaRollUp.of(
                basis(Aggregation.SUM),
                Q2_2024,
                List.of(month(2024, 8, null, 9)),
                Map.of(
                        "E05000001", List.of(month(2024, 7, null, 3), month(2024, 8, null, 50)),
                        "E05000002", List.of(month(2024, 7, "police", 4))),
                27);
        // July: 3 (no source) and 4 (police) from the wards; August: the district's own 9, not the ward's 50
        assertEquals(new BigDecimal("16"), value(result, Aggregation.SUM));
        assertEquals(new Coverage(From.OWN_AND_PARTS, 2, 27), result.coverage());
    }

    @Test
    void wardRatesAreAveragedAndTheDistrictsOwnFiguresAloneSaySo() {
        AreaRollUp.Result averaged = AreaRollUp.of(
                basis(Aggregation.MEAN),
                Q2_2024,
                List.of(),
                Map.of(
                        "E05000001", List.of(month(2024, 7, "survey", 40)),
                        "E05000002", List.of(month(2024, 7, "survey", 60))),
                2);
        assertEquals(new BigDecimal("50"), value(averaged, Aggregation.MEAN));
        assertEquals(new Coverage(From.PARTS, 2, 2), averaged.coverage());

        AreaRollUp.Result own =
                AreaRollUp.of(basis(Aggregation.SUM), Q2_2024, List.of(month(2024, 9, "police", 3)), Map.of(), 27);
        assertEquals(new Coverage(From.OWN, 0, 27), own.coverage());
        AreaRollUp.Result none = AreaRollUp.of(basis(Aggregation.SUM), Q2_2024, List.of(), Map.of(), 27);
        assertEquals(new Coverage(From.NONE, 0, 27), none.coverage());
        assertEquals(null, value(none, Aggregation.SUM));
    }
}
