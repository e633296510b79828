package org.csp.problem;

/** One offending field of a request body, as reported in a validation problem. */
public record FieldViolation(String field, String message) {
}
