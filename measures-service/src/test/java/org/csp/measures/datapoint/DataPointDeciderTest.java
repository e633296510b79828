package org.csp.measures.datapoint;

import org.csp.eventsourcing.testing.DeciderSpec;
import org.csp.measures.datapoint.DataPointCommand.RecordDataPoint;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.indicator.Frequency;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataPointDeciderTest {

    static final IndicatorRules ASB = new IndicatorRules("ASB-INCIDENTS", Unit.COUNT, Frequency.MONTHLY,
            List.of("gloucestershire-constabulary", "stroud-district-council"));
    static final IndicatorRules FEEL_SAFE = new IndicatorRules("FEEL-SAFE-AFTER-DARK", Unit.PERCENTAGE, Frequency.ANNUAL,
            List.of("stroud-district-council"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final DataPointRecorded AUGUST_PROVISIONAL = new DataPointRecorded("ASB-INCIDENTS", "2024-08", "E07000082",
            new BigDecimal("12"), "provisional", "gloucestershire-constabulary", "police-gloucestershire", 1);

    private static final DeciderSpec<DataPointCommand, DataPointEvent, DataPoint> DATA_POINT = DeciderSpec.of(DataPoint.DECIDER);

    private static RecordDataPoint record(IndicatorRules indicator, String period, String value, DataStatus status, String source) {
        return new RecordDataPoint(indicator, indicator == null ? "NOPE" : indicator.code(), Period.parse(period).orElseThrow(),
                "E07000082", new BigDecimal(value), status, source, "police-gloucestershire", TODAY);
    }

    @Test
    void aFirstValueIsRevisionOne() {
        DATA_POINT.given()
                .when(record(ASB, "2024-08", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary"))
                .then(AUGUST_PROVISIONAL);
    }

    @Test
    void theSameValueAgainChangesNothing() {
        DATA_POINT.given(AUGUST_PROVISIONAL)
                .when(record(ASB, "2024-08", "12.0", DataStatus.PROVISIONAL, "gloucestershire-constabulary"))
                .thenNothing();
    }

    @Test
    void aCorrectionIsANewRevisionThatKeepsTheOldOne() {
        var corrected = new DataPointRecorded("ASB-INCIDENTS", "2024-08", "E07000082", new BigDecimal("14"), "final",
                "gloucestershire-constabulary", "police-gloucestershire", 2);
        DATA_POINT.given(AUGUST_PROVISIONAL)
                .when(record(ASB, "2024-08", "14", DataStatus.FINAL, "gloucestershire-constabulary"))
                .then(corrected);
        DATA_POINT.given(AUGUST_PROVISIONAL, corrected).thenState(state -> {
            assertEquals(2, state.revisions().size());
            assertEquals(new BigDecimal("14"), state.latest().value());
        });
    }

    @Test
    void thePeriodMustMatchTheIndicatorsFrequency() {
        DATA_POINT.given().when(record(ASB, "2024/25 Q2", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary"))
                .thenInvalid("period");
    }

    @Test
    void aFuturePeriodIsRefused() {
        DATA_POINT.given().when(record(ASB, "2026-12", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary"))
                .thenInvalid("period");
    }

    @Test
    void valuesMustSuitTheUnit() {
        DATA_POINT.given().when(record(ASB, "2024-08", "12.5", DataStatus.FINAL, "stroud-district-council")).thenInvalid("value");
        DATA_POINT.given().when(record(ASB, "2024-08", "-1", DataStatus.FINAL, "stroud-district-council")).thenInvalid("value");
        DATA_POINT.given().when(record(FEEL_SAFE, "2024/25", "101", DataStatus.FINAL, "stroud-district-council")).thenInvalid("value");
        DATA_POINT.given().when(record(FEEL_SAFE, "2024/25", "71.5", DataStatus.FINAL, "stroud-district-council"))
                .then(new DataPointRecorded("FEEL-SAFE-AFTER-DARK", "2024/25", "E07000082", new BigDecimal("71.5"), "final",
                        "stroud-district-council", "police-gloucestershire", 1));
    }

    @Test
    void theSourceMustBeOneOfTheIndicatorsSources() {
        DATA_POINT.given().when(record(ASB, "2024-08", "12", DataStatus.FINAL, "probation-service")).thenInvalid("source");
        DATA_POINT.given().when(record(ASB, "2024-08", "12", DataStatus.FINAL, null)).thenInvalid("source");
    }

    @Test
    void anUnknownIndicatorIsRefused() {
        DATA_POINT.given().when(record(null, "2024-08", "12", DataStatus.FINAL, "x")).thenRejected("indicator-not-defined");
    }
}
