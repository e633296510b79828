package org.csp.web.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An engagement record as engagement-service takes it ({@code POST /api/engagements}); what the form left empty is not
 * sent, and the service says what is missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordRequest(
        String type,
        String title,
        String startDate,
        String endDate,
        Place place,
        List<Integer> priorities,
        List<String> initiatives,
        String leadOrganisation,
        List<String> organisations,
        String audience,
        Integer attendance,
        Integer reach,
        String outcomes) {

    /** A ward, parish or district by its GSS code ({@code level} from the code), or a place's name alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String level, String gss, String name) {}
}
