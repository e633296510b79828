package org.csp.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of an {@code application/problem+json} response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, String instance, List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeUri(String slug) {
        return "urn:csp:problem:" + slug;
    }
}
