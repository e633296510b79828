package org.csp.web.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gateway's quarterly view ({@code GET /api/views/quarterly/{quarter}}) as the dashboard reads it: the fields it
 * shows, the rest ignored. The gateway's own records ({@code org.csp.gateway.views.QuarterView}) say what each means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuarterViewBody(
        String partnership,
        String quarter,
        AsAt asAt,
        Review review,
        List<Priority> priorities,
        List<Indicator> otherIndicators) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AsAt(String basis, Integer close, Instant closedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String state, List<Integer> expected, List<Integer> submitted, List<Integer> missing) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Priority(
            int number,
            String title,
            String report,
            InitiativeSummary summary,
            List<Indicator> indicators,
            Engagement engagement) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InitiativeSummary(
            int initiatives,
            int reported,
            int noReport,
            int overdue,
            int revised,
            Map<String, Long> byStatus,
            Map<String, Long> byRag) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            String code,
            String title,
            String unit,
            String period,
            BigDecimal value,
            String comparisonPeriod,
            BigDecimal sameQuarterLastYear,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal target,
            String rag,
            String direction,
            Revised revisedSinceClose) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revised(BigDecimal value, String rag, String direction, Instant revisedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Engagement(long records, long attendance, long reach) {}
}
