package org.csp.measures.comparator;

import java.math.BigDecimal;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.ComparatorEvent.ComparatorRecorded;
import org.csp.testing.DeciderSpec;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** The comparator's rule and its pinned event shapes: v2 written, v1 read as v2. */
class ComparatorEventSchemaTest {

    static final ComparatorRecorded AUGUST = new ComparatorRecorded(
            "RECORDED-CRIME",
            "2024-08",
            "E07000082",
            new BigDecimal("4.12"),
            new BigDecimal("4.6"),
            new BigDecimal("3.9"),
            new BigDecimal("5.3"),
            3,
            15,
            "iquanta",
            "safer-gloucestershire",
            2);

    private static final DeciderSpec<RecordComparator, ComparatorEvent, Comparator> COMPARATOR =
            DeciderSpec.of(Comparator.DECIDER);

    private static RecordComparator record(String value, String average, Integer rank, String source) {
        return new RecordComparator(
                "RECORDED-CRIME",
                "2024-08",
                "E07000082",
                value == null ? null : new BigDecimal(value),
                new BigDecimal(average),
                new BigDecimal("540"),
                new BigDecimal("690"),
                rank,
                rank == null ? null : 15,
                source,
                "safer-gloucestershire");
    }

    private static ComparatorRecorded recorded(
            String value, String average, Integer rank, String source, int revision) {
        return new ComparatorRecorded(
                "RECORDED-CRIME",
                "2024-08",
                "E07000082",
                value == null ? null : new BigDecimal(value),
                new BigDecimal(average),
                new BigDecimal("540"),
                new BigDecimal("690"),
                rank,
                rank == null ? null : 15,
                source,
                "safer-gloucestershire",
                revision);
    }

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(ComparatorEvent.TYPES);
        PinnedJson.assertMatches(ComparatorEvent.TYPES, "measures.comparator.recorded.v2", AUGUST);
    }

    /** The first comparators had the group's figures only: read as v2 without figure, rank, size or source. */
    @Test
    void recordedV1IsReadAsV2WithTheNewFieldsNull() {
        PinnedJson.assertUpcasts(
                ComparatorEvent.TYPES,
                "measures.comparator.recorded.v1",
                new ComparatorRecorded(
                        "RECORDED-CRIME",
                        "2024-08",
                        "E07000082",
                        null,
                        new BigDecimal("610.5"),
                        new BigDecimal("540"),
                        new BigDecimal("690"),
                        null,
                        null,
                        null,
                        "safer-gloucestershire",
                        1));
    }

    @Test
    void newFiguresAreANewRevisionAndTheSameOnesNothing() {
        ComparatorRecorded first = recorded(null, "610.5", null, null, 1);
        COMPARATOR.given().when(record(null, "610.5", null, null)).then(first);
        COMPARATOR.given(first).when(record(null, "610.50", null, null)).thenNothing();
        COMPARATOR.given(first).when(record(null, "600", null, null)).then(recorded(null, "600", null, null, 2));
    }

    /** The partnership's figure and rank are figures too; the source that sent the same ones changes nothing. */
    @Test
    void aFigureOrRankAddedIsARevisionAndTheSameFiguresFromAnotherSourceNothing() {
        ComparatorRecorded first = recorded(null, "610.5", null, null, 1);
        COMPARATOR
                .given(first)
                .when(record("598", "610.5", 4, "iquanta"))
                .then(recorded("598", "610.5", 4, "iquanta", 2));
        ComparatorRecorded ranked = recorded("598", "610.5", 4, "iquanta", 2);
        COMPARATOR.given(first, ranked).when(record("598.0", "610.5", 4, null)).thenNothing();
        COMPARATOR
                .given(first, ranked)
                .when(record("598", "610.5", 5, "iquanta"))
                .then(recorded("598", "610.5", 5, "iquanta", 3));
    }
}
