package org.csp.web.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * An ASB case review as engagement-service answers it ({@code GET /api/case-reviews}, coordinators and engagement
 * officers only): a case reference, dates, the decision and the outcome, never a person's details. Its free text is
 * null once the retention policy removed it ({@code freeTextRemoved}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReviewBody(
        String caseReference,
        String status,
        LocalDate receivedOn,
        List<String> organisationNames,
        Decision decision,
        Meeting meeting,
        Recommendations recommendations,
        Closure closure,
        Timeliness timeliness,
        boolean freeTextRemoved) {

    public CaseReviewBody {
        organisationNames = organisationNames == null ? List.of() : organisationNames;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(LocalDate decidedOn, boolean met, String threshold, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meeting(LocalDate heldOn, List<String> organisationNames) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendations(LocalDate recordedOn, int count, List<String> texts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closure(LocalDate closedOn, String outcome, String summary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timeliness(Long daysToDecision, Long daysToClosure) {}
}
