package org.csp.measures.datapoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored data point event type keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts}). */
class DataPointEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(DataPointEvent.TYPES);
    }

    @Test
    void recordedV1() {
        PinnedJson.assertMatches(
                DataPointEvent.TYPES, "measures.measure.recorded.v1", DataPointDeciderTest.REOFFENDING);
    }

    @Test
    void revisedV1() {
        PinnedJson.assertMatches(
                DataPointEvent.TYPES, "measures.measure.revised.v1", DataPointDeciderTest.AUGUST_REVISED);
    }

    /** recorded.v1 gained numerator and denominator (optional, additive): events stored before them still read. */
    @Test
    void aRecordedV1StoredBeforeNumeratorAndDenominatorStillReads() {
        DataPointEvent old = DataPointEvent.TYPES.decode("measures.measure.recorded.v1", """
                {"indicatorCode":"ASB-INCIDENTS","period":"2024-08","geography":"E07000082","value":12,
                 "status":"provisional","source":"gloucestershire-constabulary","submittedBy":"police-gloucestershire","revision":1}""");
        assertEquals(DataPointDeciderTest.AUGUST_PROVISIONAL, old);
        assertEquals(new BigDecimal("12"), old.value());
    }
}
