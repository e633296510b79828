package org.csp.measures.datapoint;

import java.math.BigDecimal;

/**
 * One figure as a client sent it, read from JSON or CSV but not yet validated: {@code row} numbers it in its batch
 * (1 for the first). Numbers are already numbers (the readers refuse text where a number belongs); anything may be null.
 */
public record RowInput(
        int row,
        String indicator,
        String period,
        String geography,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        String status,
        String source,
        String reason) {

    /** The columns of a row, in the order CSV files are expected to give them (any order is read). */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "indicator", "period", "geography", "value", "numerator", "denominator", "status", "source", "reason");
}
