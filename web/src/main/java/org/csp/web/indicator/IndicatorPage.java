package org.csp.web.indicator;

import java.util.List;

/**
 * An indicator's page: its series at one place as a chart (SVG, drawn here), the same figures in a table, the special
 * causes in words, and the address of the CSV download.
 */
public record IndicatorPage(
        String code,
        String title,
        String place,
        String fromLabel,
        String toLabel,
        String polarity,
        String chart,
        String chartSummary,
        List<Row> rows,
        List<Cause> causes,
        String processControl,
        String csvHref) {

    /** A period of the table; every figure in words ("No figure" for none). */
    public record Row(
            String period, String value, String lastYear, String target, String familyGroup, String specialCause) {}

    /** The special causes at one period: improvement or concern (or neither), and what each rule found, in words. */
    public record Cause(String period, String variation, String explanation) {}
}
