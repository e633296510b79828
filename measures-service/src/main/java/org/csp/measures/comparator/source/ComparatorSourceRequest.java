package org.csp.measures.comparator.source;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.csp.codes.Coded;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Columns;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/comparator-sources/{id}}: how that source's exports are read. Either {@code indicator}
 * names the indicator every row is for, or {@code columns.indicator} the column that holds each row's indicator code.
 */
public record ComparatorSourceRequest(
        @Schema(maxLength = ComparatorSourceRequest.MAX_TITLE, description = "What the source is, for people")
        String title,

        @Schema(maxLength = Coded.MAX_LENGTH, description = "The tool the exports come from: iquanta, maiden or other")
        String format,

        @Schema(
                maxLength = IndicatorDefinitions.MAX_CODE,
                description = "The indicator code every row is for, when the export does not carry it")
        String indicator,

        ColumnsRequest columns) {

    public static final int MAX_TITLE = 200;
    /** The longest column name. */
    public static final int MAX_COLUMN = 100;
    /** The longest source id. */
    public static final int MAX_ID = 40;

    /** A source's id: lower case, like a partnership's ("iquanta", "maiden-violence"). */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1," + (MAX_ID - 1) + "}");

    /** The header names of the export's columns (each at most {@value #MAX_COLUMN} characters). */
    public record ColumnsRequest(
            @Schema(maxLength = MAX_COLUMN, description = "The column of each row's indicator code (optional)")
            String indicator,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the area: a district's GSS code or name")
            String area,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the period (2024-08, 2024/25 Q2, 2024/25)")
            String period,

            @Schema(
                    maxLength = MAX_COLUMN,
                    description = "The column of the partnership's figure (e.g. rate per 1,000)")
            String value,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the group's average")
            String average,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the group's lower limit")
            String lower,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the group's upper limit")
            String upper,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the partnership's rank (optional)")
            String rank,

            @Schema(maxLength = MAX_COLUMN, description = "The column of the group's size (optional)")
            String groupSize) {}

    /** The mapping this body stands for, or a 422 listing every problem. */
    Mapping validate() {
        Validation v = Validation.of(this);
        String title = v.text(title(), "title", MAX_TITLE);
        ExportFormat exportFormat = v.parse(
                format(),
                "format",
                Coded.MAX_LENGTH,
                t -> Coded.of(ExportFormat.class, t),
                "one of " + Coded.codes(ExportFormat.class));
        String code = indicator() == null
                ? null
                : v.parse(
                        indicator(),
                        "indicator",
                        IndicatorDefinitions.MAX_CODE,
                        IndicatorDefinitions::code,
                        "an upper-case code such as RECORDED-CRIME");
        v.require(columns() != null, "columns", "is required: which column holds what");
        if (columns() == null) {
            v.throwIfInvalid();
        }
        ColumnsRequest c = columns();
        Columns named = new Columns(
                v.optionalText(c.indicator(), "columns.indicator", MAX_COLUMN),
                v.text(c.area(), "columns.area", MAX_COLUMN),
                v.text(c.period(), "columns.period", MAX_COLUMN),
                v.text(c.value(), "columns.value", MAX_COLUMN),
                v.text(c.average(), "columns.average", MAX_COLUMN),
                v.text(c.lower(), "columns.lower", MAX_COLUMN),
                v.text(c.upper(), "columns.upper", MAX_COLUMN),
                v.optionalText(c.rank(), "columns.rank", MAX_COLUMN),
                v.optionalText(c.groupSize(), "columns.groupSize", MAX_COLUMN));
        v.require(
                (indicator() == null) != (c.indicator() == null),
                "indicator",
                "name the indicator here or the column that holds it (columns.indicator), one of the two");
        Map<String, String> seen = new HashMap<>();
        named(named).forEach((field, column) -> {
            String earlier = column == null ? null : seen.putIfAbsent(column, field);
            v.require(earlier == null, field, "names the column '" + column + "' that " + earlier + " names too");
        });
        v.throwIfInvalid();
        return new Mapping(title, exportFormat.code(), code, named);
    }

    /** The mapped columns by the request field that names them, in the request's order. */
    static Map<String, String> named(Columns c) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("columns.indicator", c.indicator());
        named.put("columns.area", c.area());
        named.put("columns.period", c.period());
        named.put("columns.value", c.value());
        named.put("columns.average", c.average());
        named.put("columns.lower", c.lower());
        named.put("columns.upper", c.upper());
        named.put("columns.rank", c.rank());
        named.put("columns.groupSize", c.groupSize());
        return named;
    }
}
