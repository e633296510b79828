package org.csp.web.indicator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A data point as measures-service keeps it ({@code GET /api/indicators/{code}/data-points?revisions=true}): its
 * current figure and every revision, oldest first, as the indicator page's revision history reads them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedPoint(
        String period, String geography, String source, BigDecimal value, int revision, List<Revision> revisions) {

    public RecordedPoint {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** What was reported, when, by which system or person, and why it changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(
            int revision,
            BigDecimal value,
            String status,
            String reason,
            String submittedBy,
            OffsetDateTime recordedAt) {}
}
