package org.csp.web.indicator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The gateway's series of an indicator at one place ({@code GET /api/views/indicators/{code}/series}) as the indicator
 * page reads it. The gateway's own records ({@code org.csp.gateway.views.SeriesView}) say what each field means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesBody(
        String partnership,
        Indicator indicator,
        Place geography,
        String from,
        String to,
        List<Point> points,
        ProcessControl processControl,
        String processControlNote) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String title, String unit, String frequency, String polarity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String code, String name, String level) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(
            String period,
            BigDecimal value,
            String lastYearPeriod,
            BigDecimal lastYear,
            BigDecimal target,
            Band familyGroup,
            List<Flag> flags) {

        public Point {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(BigDecimal average, BigDecimal lower, BigDecimal upper) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessControl(
            String baselineFrom,
            String baselineTo,
            int baselinePoints,
            BigDecimal mean,
            BigDecimal meanMovingRange,
            BigDecimal lowerLimit,
            BigDecimal upperLimit,
            int specialCauses) {}

    /** A special cause at a point: the rule, improvement or concern (or neither), above or below, and in words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String rule, String variation, boolean high, String explanation) {}
}
