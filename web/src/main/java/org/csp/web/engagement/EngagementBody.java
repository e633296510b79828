package org.csp.web.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * An engagement record as engagement-service answers it through the gateway ({@code GET /api/engagements}):
 * organisations by registry id with their names beside them, {@code quarter} the financial quarter of its start.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngagementBody(
        String id,
        String type,
        String title,
        LocalDate startDate,
        LocalDate endDate,
        String quarter,
        Place place,
        List<Integer> priorities,
        List<String> initiatives,
        String leadOrganisation,
        String leadOrganisationName,
        List<String> organisations,
        List<String> organisationNames,
        String audience,
        Integer attendance,
        Integer reach,
        String outcomes,
        List<FollowUp> followUps,
        boolean withdrawn,
        String withdrawnReason,
        long version) {

    public EngagementBody {
        priorities = priorities == null ? List.of() : priorities;
        initiatives = initiatives == null ? List.of() : initiatives;
        organisations = organisations == null ? List.of() : organisations;
        organisationNames = organisationNames == null ? List.of() : organisationNames;
        followUps = followUps == null ? List.of() : followUps;
    }

    /** Where: a ward, parish or district with its GSS code and name, or a name alone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String level, String gss, String name) {}

    /** "You said, we did". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(LocalDate addedOn, String youSaid, String weDid) {}
}
