package org.csp.measures.comparator.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.comparator.ComparatorRules;
import org.csp.measures.comparator.Comparators.Recording;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Columns;
import org.csp.measures.comparator.source.ComparatorSourceEvent.Mapping;
import org.csp.measures.datapoint.CsvRows;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.problem.FieldViolation;
import org.csp.problem.TextRules;
import org.csp.problem.Validation;

/**
 * The pure reading of an export through its source's mapping: the header must hold every mapped column (others are
 * left alone); each row names a district of the county (by GSS code, district name or partnership name) of a
 * partnership the caller may import for, an indicator of that partnership's catalogue, and figures that
 * {@link ComparatorRules} accepts; no two rows are for the same comparator. The answer is every comparator to record,
 * or the violations, each naming its row and column.
 */
final class ExportRows {

    /** The most rows an export holds (after its header). */
    static final int MAX_ROWS = 1000;

    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private ExportRows() {}

    /** A district as an export names it: its GSS code and its partnership. */
    record District(String gss, String partnership) {}

    /**
     * What the rows are checked against: the county's districts by {@link #key} of each name they go by, the
     * partnerships the caller may import for, each partnership's indicators by code, today, the source and the
     * caller's client.
     */
    record Context(
            Map<String, District> districts,
            Set<String> permitted,
            Map<String, Map<String, IndicatorRules>> indicators,
            LocalDate today,
            String sourceId,
            String submittedBy) {}

    /** What reading the export came to: the comparators to record, or why not (then nothing is recorded). */
    record Plan(List<Recording> recordings, List<FieldViolation> violations) {}

    /** How a district's code or name is looked up: case and surrounding space do not matter. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static Plan read(Mapping mapping, List<String[]> records, Context context) {
        Map<String, Integer> header = new HashMap<>();
        String[] names = records.getFirst();
        for (int i = 0; i < names.length; i++) {
            header.putIfAbsent(names[i].strip(), i);
        }
        List<FieldViolation> missing = new ArrayList<>();
        for (String column : mapped(mapping.columns()).values()) {
            if (!header.containsKey(column)) {
                missing.add(new FieldViolation(column, "is a mapped column the export's header does not have"));
            } else if (Arrays.stream(names)
                            .filter(n -> n.strip().equals(column))
                            .count()
                    > 1) {
                missing.add(new FieldViolation(column, "is in the export's header twice"));
            }
        }
        if (!missing.isEmpty()) {
            return new Plan(List.of(), missing);
        }
        if (records.size() == 1) {
            return new Plan(List.of(), List.of(new FieldViolation("rows", "must hold at least one row")));
        }
        List<Recording> recordings = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            Validation v = Validation.ofRow(i);
            Recording r = row(records.get(i), names.length, header, mapping, context, v);
            if (r != null) {
                RecordComparator c = r.command();
                Integer earlier = seen.putIfAbsent(List.of(c.indicatorCode(), c.geography(), c.period()), i);
                v.require(earlier == null, "row", "repeats row " + earlier + " (the same indicator, area and period)");
                recordings.add(r);
            }
            violations.addAll(v.violations());
        }
        return violations.isEmpty() ? new Plan(recordings, List.of()) : new Plan(List.of(), violations);
    }

    /** The columns the mapping names, by what they hold. */
    private static Map<String, String> mapped(Columns c) {
        Map<String, String> mapped = new LinkedHashMap<>();
        ComparatorSourceRequest.named(c).forEach((field, column) -> {
            if (column != null) {
                mapped.put(field, column);
            }
        });
        return mapped;
    }

    private static Recording row(
            String[] record, int width, Map<String, Integer> header, Mapping mapping, Context context, Validation v) {
        Columns c = mapping.columns();
        v.require(record.length == width, "row", "has " + record.length + " fields; the header has " + width);
        Map<String, String> cells = new HashMap<>();
        for (String column : mapped(c).values()) {
            Integer at = header.get(column);
            String cell = at < record.length ? record[at] : "";
            String unreadable = TextRules.unreadable(cell);
            if (cell.length() > CsvRows.MAX_CELL) {
                v.require(false, column, "must be at most " + CsvRows.MAX_CELL + " characters");
            } else if (unreadable != null) {
                v.require(false, column, "must not contain " + unreadable);
            } else if (!cell.isBlank()) {
                cells.put(column, cell.strip());
            }
        }
        District district = district(cells.get(c.area()), c.area(), context, v);
        String code = mapping.indicator() != null ? mapping.indicator() : cells.get(c.indicator());
        String indicatorField = c.indicator() == null ? "indicator" : c.indicator();
        v.require(code != null || c.indicator() == null || refused(v, indicatorField), indicatorField, "is required");
        IndicatorRules rules = district == null || code == null
                ? null
                : context.indicators()
                        .getOrDefault(district.partnership(), Map.of())
                        .get(code);
        v.require(
                district == null || code == null || rules != null,
                indicatorField,
                "'" + code + "' is not an indicator of partnership "
                        + (district == null ? "" : district.partnership()));
        ComparatorRules.Input input = new ComparatorRules.Input(
                cells.get(c.period()),
                figure(cells, c.value(), v),
                figure(cells, c.average(), v),
                figure(cells, c.lower(), v),
                figure(cells, c.upper(), v),
                whole(cells, c.rank(), v),
                whole(cells, c.groupSize(), v));
        if (rules == null) {
            return null;
        }
        RecordComparator command = ComparatorRules.check(
                input,
                new ComparatorRules.Names(
                        c.period(),
                        c.value(),
                        c.average(),
                        c.lower(),
                        c.upper(),
                        c.rank() == null ? "rank" : c.rank(),
                        c.groupSize() == null ? "groupSize" : c.groupSize()),
                rules,
                district.gss(),
                context.today(),
                context.sourceId(),
                context.submittedBy(),
                v);
        return command == null || !v.violations().isEmpty() ? null : new Recording(district.partnership(), command);
    }

    /** The district an area cell names, when it is one of the county's and the caller may import for it. */
    private static District district(String area, String column, Context context, Validation v) {
        if (area == null) {
            v.require(refused(v, column), column, "is required (a district's GSS code or name)");
            return null;
        }
        District district = context.districts().get(key(area));
        if (district == null) {
            v.require(false, column, "'" + area + "' is not a district of the county (its GSS code or name)");
            return null;
        }
        if (!context.permitted().contains(district.partnership())) {
            v.require(
                    false,
                    column,
                    "'" + area + "' is partnership " + district.partnership() + "'s district; you may import rows of "
                            + String.join(", ", new TreeSet<>(context.permitted())) + " only");
            return null;
        }
        return district;
    }

    private static BigDecimal figure(Map<String, String> cells, String column, Validation v) {
        String cell = column == null ? null : cells.get(column);
        return cell == null ? null : Figures.parse(cell, column, v);
    }

    private static Integer whole(Map<String, String> cells, String column, Validation v) {
        String cell = column == null ? null : cells.get(column);
        if (cell == null) {
            return null;
        }
        if (!WHOLE.matcher(cell).matches()) {
            v.require(
                    false, column, "must be a whole number, at least 1 and at most " + ComparatorRules.MAX_GROUP_SIZE);
            return null;
        }
        return Integer.valueOf(cell);
    }

    private static boolean refused(Validation v, String field) {
        return v.violations().stream().anyMatch(f -> field.equals(f.field()));
    }
}
