package org.csp.web.priority;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.csp.web.dashboard.QuarterViewBody;

/**
 * A priority's page of the quarterly view ({@code GET /api/views/quarterly/{quarter}/priorities/{n}}) as the web
 * frontend reads it; the gateway's {@code org.csp.gateway.views.PriorityView} says what each field means. Its
 * indicators have the dashboard's shape.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriorityBody(
        int number,
        String title,
        String report,
        List<QuarterViewBody.Indicator> indicators,
        List<Objective> objectives,
        List<Initiative> initiatives) {

    public PriorityBody {
        indicators = indicators == null ? List.of() : indicators;
        objectives = objectives == null ? List.of() : objectives;
        initiatives = initiatives == null ? List.of() : initiatives;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Objective(String id, String text, int initiatives) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Initiative(
            String id,
            String title,
            String leadPartner,
            LocalDate due,
            Progress progress,
            boolean reported,
            boolean overdue,
            Progress revisedSinceClose) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(String quarter, String status, String rag, String commentary, Instant reportedAt) {}
}
