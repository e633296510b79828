package org.csp.measures.datapoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.csp.calendar.ReportingPeriod;
import org.csp.measures.datapoint.DataPointCommand.RecordFigure;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.datapoint.DataPointEvent.DataPointRevised;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class DataPointDeciderTest {

    static final DataPointRecorded AUGUST_PROVISIONAL = new DataPointRecorded(
            "ASB-INCIDENTS",
            "2024-08",
            "E07000082",
            new BigDecimal("12"),
            "provisional",
            "gloucestershire-constabulary",
            "police-gloucestershire",
            1,
            null,
            null);
    static final DataPointRevised AUGUST_REVISED = new DataPointRevised(
            "ASB-INCIDENTS",
            "2024-08",
            "E07000082",
            "gloucestershire-constabulary",
            new BigDecimal("14"),
            null,
            null,
            "final",
            "late crime reports added",
            new BigDecimal("12"),
            "police-gloucestershire",
            2);
    static final DataPointRecorded REOFFENDING = new DataPointRecorded(
            "REOFFENDING-RATE",
            "2024/25",
            "E07000082",
            new BigDecimal("24.1"),
            "final",
            "probation-service",
            "probation",
            1,
            new BigDecimal("241"),
            new BigDecimal("1000"));

    private static final DeciderSpec<DataPointCommand, DataPointEvent, DataPoint> DATA_POINT =
            DeciderSpec.of(DataPoint.DECIDER);

    private static RecordFigure figure(String value, DataStatus status, String reason) {
        return new RecordFigure(
                new Submission(
                        "stroud",
                        "ASB-INCIDENTS",
                        ReportingPeriod.parse("2024-08").orElseThrow(),
                        "E07000082",
                        "gloucestershire-constabulary",
                        new BigDecimal(value),
                        null,
                        null,
                        status,
                        reason),
                "police-gloucestershire");
    }

    @Test
    void aFirstFigureIsRecordedAsRevisionOne() {
        DATA_POINT.given().when(figure("12.0", DataStatus.PROVISIONAL, null)).then(AUGUST_PROVISIONAL);
    }

    @Test
    void aDifferentFigureIsARevisionWithItsReasonAndWhatItReplaced() {
        DATA_POINT
                .given(AUGUST_PROVISIONAL)
                .when(figure("14", DataStatus.FINAL, "late crime reports added"))
                .then(AUGUST_REVISED);
    }

    @Test
    void theSameFigureChangesNothing() {
        DATA_POINT
                .given(AUGUST_PROVISIONAL)
                .when(figure("1.2E+1", DataStatus.PROVISIONAL, null))
                .thenNothing();
        DATA_POINT
                .given(AUGUST_PROVISIONAL, AUGUST_REVISED)
                .when(figure("14", DataStatus.FINAL, "again"))
                .thenNothing();
    }

    @Test
    void aFinalFigureIsRevisedOnlyWithAReason() {
        DATA_POINT
                .given(AUGUST_PROVISIONAL, AUGUST_REVISED)
                .when(figure("15", DataStatus.FINAL, null))
                .thenInvalid("reason");
        DATA_POINT
                .given(AUGUST_PROVISIONAL, AUGUST_REVISED)
                .when(figure("15", DataStatus.FINAL, "correction"))
                .then(new DataPointRevised(
                        "ASB-INCIDENTS",
                        "2024-08",
                        "E07000082",
                        "gloucestershire-constabulary",
                        new BigDecimal("15"),
                        null,
                        null,
                        "final",
                        "correction",
                        new BigDecimal("14"),
                        "police-gloucestershire",
                        3));
    }

    @Test
    void theStateIsTheCurrentRevision() {
        DATA_POINT
                .given(AUGUST_PROVISIONAL, AUGUST_REVISED)
                .thenState(state -> assertEquals(2, state.current().revision()));
    }
}
