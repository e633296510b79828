package org.csp.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field of a request body, as reported in a validation problem. {@code row} numbers the row of a batch
 * (1 for the first data row, whether JSON or CSV) and is absent for a single body.
 */
public record FieldViolation(
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer row, String field, String message) {

    public FieldViolation(String field, String message) {
        this(null, field, message);
    }
}
