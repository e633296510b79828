package org.csp.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyGroupTest {

    /** The group's range is 40 to 60 around an average of 50; the limits themselves are within it. */
    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "lower-is-better, 39.9, below, better",
                "lower-is-better, 40, within, similar",
                "lower-is-better, 60, within, similar",
                "lower-is-better, 60.1, above, worse",
                "higher-is-better, 39.9, below, worse",
                "higher-is-better, 61, above, better",
                "increased-reporting-is-positive, 61, above, better",
                "increased-reporting-is-positive, 12, below, worse",
                "monitor-only, 61, above, not-assessed",
                "lower-is-better, none, not-known, not-assessed"
            })
    void placesThePartnershipAgainstTheGroupsRangeAndReadsItThroughThePolarity(
            String polarity, BigDecimal value, String position, String reading) {
        FamilyGroup group = FamilyGroup.place(
                Polarity.of(polarity),
                value,
                BigDecimal.valueOf(50),
                BigDecimal.valueOf(40),
                BigDecimal.valueOf(60),
                3,
                15);

        assertEquals(position, group.position().code());
        assertEquals(reading, group.reading().code());
        assertEquals(3, group.rank());
        assertEquals(15, group.groupSize());
    }

    @ParameterizedTest
    @CsvSource({"61, 60"})
    void aRangeWhoseLowerLimitIsAboveItsUpperIsRefused(BigDecimal lower, BigDecimal upper) {
        assertThrows(
                IllegalArgumentException.class,
                () -> FamilyGroup.place(Polarity.LOWER_IS_BETTER, BigDecimal.ONE, lower, lower, upper, null, null));
    }
}
