package org.csp.web.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event of a review's history ({@code GET /api/reviews/{quarter}/history}): its type, when it happened and the
 * fields of the review it changed (JSON Pointers such as {@code /reports/2}), which say whose report came in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewEventBody(String type, OffsetDateTime occurredAt, List<Change> changes) {

    public ReviewEventBody {
        changes = changes == null ? List.of() : changes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field) {}
}
