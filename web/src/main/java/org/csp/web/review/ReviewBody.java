package org.csp.web.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A quarter's review as plan-service answers it through the gateway ({@code GET /api/reviews/{quarter}}): its state
 * ({@code open}, {@code closed}), the priorities expected to report, the reports in, the reasons it was reopened for
 * and its version (the ETag a change's {@code If-Match} names). A review not opened yet is a 404.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewBody(
        String quarter,
        String status,
        List<PriorityStatus> priorities,
        List<Report> reports,
        List<String> reopenReasons,
        long version) {

    public ReviewBody {
        priorities = priorities == null ? List.of() : priorities;
        reports = reports == null ? List.of() : reports;
        reopenReasons = reopenReasons == null ? List.of() : reopenReasons;
    }

    /** A priority expected to report, and whether its report is in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriorityStatus(int priority, String title, boolean reported) {}

    /** A priority's report: the sub-group's summary and each initiative as it stood for the quarter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(int priority, String summary, List<ReportedInitiative> initiatives) {

        public Report {
            initiatives = initiatives == null ? List.of() : initiatives;
        }
    }

    /** An initiative in a report (status and RAG null: no progress reported for the quarter). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportedInitiative(String initiativeId, String title, String status, String rag, String commentary) {}
}
