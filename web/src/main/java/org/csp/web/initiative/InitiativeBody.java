package org.csp.web.initiative;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * An initiative as plan-service answers it through the gateway ({@code GET /api/initiatives/{id}}): the template's
 * fields, its progress by quarter and its version (the ETag a report's {@code If-Match} names).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InitiativeBody(
        String id,
        int priority,
        String priorityTitle,
        List<String> objectives,
        String title,
        String leadPartner,
        String leadPartnerName,
        List<String> supportingPartnerNames,
        LocalDate start,
        LocalDate due,
        String resources,
        String funding,
        List<Risk> risks,
        Sara sara,
        String status,
        String rag,
        List<Progress> progress,
        long version) {

    public InitiativeBody {
        objectives = objectives == null ? List.of() : objectives;
        supportingPartnerNames = supportingPartnerNames == null ? List.of() : supportingPartnerNames;
        risks = risks == null ? List.of() : risks;
        progress = progress == null ? List.of() : progress;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Risk(String description, String likelihood, String impact, String mitigation, String ownerName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sara(String scanning, String analysis, String response, String assessment) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(String quarter, String status, String rag, String commentary, Reporter reportedBy) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reporter(String subject, String reportedAs, String organisation) {}
}
