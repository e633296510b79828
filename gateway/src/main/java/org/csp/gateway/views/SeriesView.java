package org.csp.gateway.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator's series at one place ({@code GET /api/views/indicators/{code}/series}): its figures by period of its
 * own frequency from {@code from} to {@code to} (financial quarters), each beside the same period a year earlier, the
 * financial year's target and the Most Similar Family Group's band where the partnership has one; and the
 * statistical-process-control reading of the series ({@code processControl}, XmR in the NHS "Making Data Count" style;
 * null when fewer than two periods have a figure, with {@code processControlNote} saying so).
 */
public record SeriesView(
        String partnership,
        Indicator indicator,
        Place geography,
        String from,
        String to,
        List<Point> points,
        ProcessControlView processControl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String processControlNote) {

    public record Indicator(String code, String title, String unit, String frequency, String polarity) {}

    /** The place: a district (its own figures, else its wards' rolled up) or a ward. */
    public record Place(String code, String name, String level) {}

    /**
     * One period: its figure (null: none), the same period a year earlier, the financial year's target, the family
     * group's average and band, and the special causes the reading found at it.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(
            String period,
            BigDecimal value,
            String lastYearPeriod,
            BigDecimal lastYear,
            BigDecimal target,
            FamilyGroupBand familyGroup,
            List<Flag> flags) {}

    public record FamilyGroupBand(BigDecimal average, BigDecimal lower, BigDecimal upper) {}

    /**
     * The XmR reading: the baseline window (its first and last period and how many points), the mean, the mean moving
     * range and the natural process limits (mean ± 2.66 × mean moving range), over the periods that have a figure.
     */
    public record ProcessControlView(
            String baselineFrom,
            String baselineTo,
            int baselinePoints,
            BigDecimal mean,
            BigDecimal meanMovingRange,
            BigDecimal lowerLimit,
            BigDecimal upperLimit,
            int specialCauses) {}

    /**
     * A special cause: {@code rule} ("beyond-limit", "run", "trend", "two-of-three"), {@code variation}
     * ("improvement", "concern" or "neither", read through the polarity), {@code high} whether above the mean (or
     * rising), and {@code explanation} in words.
     */
    public record Flag(String rule, String variation, boolean high, String explanation) {}
}
