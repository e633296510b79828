package org.csp.web.indicator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures of the indicator page as CSV (Jackson CSV): a header row, then a row per period, with the special causes'
 * rules named. Only period ids, numbers and rule names: nothing a spreadsheet would take for a formula.
 */
public final class SeriesCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    @JsonPropertyOrder({
        "period",
        "value",
        "lastYearPeriod",
        "lastYear",
        "target",
        "familyGroupAverage",
        "familyGroupLower",
        "familyGroupUpper",
        "specialCauses"
    })
    record Row(
            String period,
            BigDecimal value,
            String lastYearPeriod,
            BigDecimal lastYear,
            BigDecimal target,
            BigDecimal familyGroupAverage,
            BigDecimal familyGroupLower,
            BigDecimal familyGroupUpper,
            String specialCauses) {}

    private SeriesCsv() {}

    public static String csv(SeriesBody series) {
        List<Row> rows = (series.points() == null ? List.<SeriesBody.Point>of() : series.points())
                .stream()
                        .map(p -> new Row(
                                p.period(),
                                p.value(),
                                p.lastYearPeriod(),
                                p.lastYear(),
                                p.target(),
                                p.familyGroup() == null ? null : p.familyGroup().average(),
                                p.familyGroup() == null ? null : p.familyGroup().lower(),
                                p.familyGroup() == null ? null : p.familyGroup().upper(),
                                p.flags().stream()
                                        .map(f -> f.rule() + ":" + f.variation())
                                        .collect(Collectors.joining(";"))))
                        .toList();
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
