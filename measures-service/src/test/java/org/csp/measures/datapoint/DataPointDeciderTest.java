package org.csp.measures.datapoint;

import org.csp.eventsourcing.CommandRejected;
import org.csp.measures.datapoint.DataPointEvent.MeasureRecorded;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataPointDeciderTest {

    static final IndicatorDefined ASB = new IndicatorDefined("ASB-INCIDENTS", "Recorded ASB incidents", "…", 1, "count",
            "monthly", "lower-is-better", List.of("gloucestershire-constabulary", "stroud-district-council"), "preceding year");
    static final IndicatorDefined FEEL_SAFE = new IndicatorDefined("FEEL-SAFE-AFTER-DARK", "Feel safe after dark", "…", 4,
            "percentage", "annual", "higher-is-better", List.of("stroud-district-council"), null);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static DataPoint.Record record(IndicatorDefined indicator, String period, String value, DataStatus status, String source) {
        return new DataPoint.Record(indicator, indicator == null ? "NOPE" : indicator.code(), Period.parse(period).orElseThrow(),
                "E07000082", new BigDecimal(value), status, source, "police-gloucestershire", TODAY);
    }

    private static List<DataPointEvent> given(List<DataPointEvent> history, DataPoint.Record command) {
        return DataPoint.DECIDER.decide(command, DataPoint.DECIDER.fold(history));
    }

    @Test
    void aFirstValueIsRevisionOne() {
        assertEquals(List.of(new MeasureRecorded("ASB-INCIDENTS", "2024-08", "E07000082", new BigDecimal("12"), "provisional",
                        "gloucestershire-constabulary", "police-gloucestershire", 1)),
                given(List.of(), record(ASB, "2024-08", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary")));
    }

    @Test
    void theSameValueAgainChangesNothing() {
        var first = given(List.of(), record(ASB, "2024-08", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary"));
        assertEquals(List.of(), given(first, record(ASB, "2024-08", "12.0", DataStatus.PROVISIONAL, "gloucestershire-constabulary")));
    }

    @Test
    void aCorrectionIsANewRevisionThatKeepsTheOldOne() {
        var first = given(List.of(), record(ASB, "2024-08", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary"));
        var second = given(first, record(ASB, "2024-08", "14", DataStatus.FINAL, "gloucestershire-constabulary"));
        assertEquals(2, ((MeasureRecorded) second.getFirst()).revision());
        DataPoint state = DataPoint.DECIDER.fold(List.of(first.getFirst(), second.getFirst()));
        assertEquals(2, state.revisions().size());
        assertEquals(new BigDecimal("14"), state.latest().value());
    }

    @Test
    void thePeriodMustMatchTheIndicatorsFrequency() {
        var rejected = assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2024/25 Q2", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary")));
        assertEquals("period", rejected.field());
    }

    @Test
    void aFuturePeriodIsRefused() {
        var rejected = assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2026-12", "12", DataStatus.PROVISIONAL, "gloucestershire-constabulary")));
        assertEquals("period", rejected.field());
    }

    @Test
    void valuesMustSuitTheUnit() {
        assertEquals("value", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2024-08", "12.5", DataStatus.FINAL, "stroud-district-council"))).field());
        assertEquals("value", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2024-08", "-1", DataStatus.FINAL, "stroud-district-council"))).field());
        assertEquals("value", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(FEEL_SAFE, "2024/25", "101", DataStatus.FINAL, "stroud-district-council"))).field());
        assertEquals(1, given(List.of(), record(FEEL_SAFE, "2024/25", "71.5", DataStatus.FINAL, "stroud-district-council")).size());
    }

    @Test
    void theSourceMustBeOneOfTheIndicatorsSources() {
        assertEquals("source", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2024-08", "12", DataStatus.FINAL, "probation-service"))).field());
        assertEquals("source", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(ASB, "2024-08", "12", DataStatus.FINAL, null))).field());
    }

    @Test
    void anUnknownIndicatorIsRefused() {
        assertEquals("indicator-not-defined", assertThrows(CommandRejected.class,
                () -> given(List.of(), record(null, "2024-08", "12", DataStatus.FINAL, "x"))).reason());
    }
}
