package org.csp.web.county;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The county feed of a quarter ({@code GET /api/feeds/county/{quarter}}, districts, the core set) as the county page
 * reads it; the gateway's {@code org.csp.gateway.county.FeedRow} (and docs/county-feed.md) says what each field means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CountyBody(String quarter, String county, List<Row> rows) {

    public CountyBody {
        rows = rows == null ? List.of() : rows;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            String partnership,
            String partnershipName,
            String indicator,
            String indicatorTitle,
            String unit,
            BigDecimal value,
            BigDecimal sameQuarterLastYear,
            String rag,
            String direction,
            String reviewState,
            Integer reviewReportsSubmitted,
            Integer reviewReportsExpected) {}
}
