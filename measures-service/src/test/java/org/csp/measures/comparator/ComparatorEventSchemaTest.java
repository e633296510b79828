package org.csp.measures.comparator;

import java.math.BigDecimal;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;
import org.csp.testing.DeciderSpec;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** The comparator's rule and its pinned event shape. */
class ComparatorEventSchemaTest {

    static final ComparatorRecorded Q2 = new ComparatorRecorded(
            "RECORDED-CRIME",
            "2024-08",
            "E07000082",
            new BigDecimal("610.5"),
            new BigDecimal("540"),
            new BigDecimal("690"),
            "safer-gloucestershire",
            1);

    private static final DeciderSpec<RecordComparator, ComparatorEvent, Comparator> COMPARATOR =
            DeciderSpec.of(Comparator.DECIDER);

    private static RecordComparator record(String average) {
        return new RecordComparator(
                "RECORDED-CRIME",
                "2024-08",
                "E07000082",
                new BigDecimal(average),
                new BigDecimal("540"),
                new BigDecimal("690"),
                "safer-gloucestershire");
    }

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(ComparatorEvent.TYPES);
        PinnedJson.assertMatches(ComparatorEvent.TYPES, "measures.comparator.recorded.v1", Q2);
    }

    @Test
    void newFiguresAreANewRevisionAndTheSameOnesNothing() {
        COMPARATOR.given().when(record("610.5")).then(Q2);
        COMPARATOR.given(Q2).when(record("610.50")).thenNothing();
        COMPARATOR
                .given(Q2)
                .when(record("600"))
                .then(new ComparatorRecorded(
                        "RECORDED-CRIME",
                        "2024-08",
                        "E07000082",
                        new BigDecimal("600"),
                        new BigDecimal("540"),
                        new BigDecimal("690"),
                        "safer-gloucestershire",
                        2));
    }
}
