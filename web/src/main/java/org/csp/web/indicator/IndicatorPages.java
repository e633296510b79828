package org.csp.web.indicator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.web.display.Words;

/** The indicator page from the gateway's series (pure). */
public final class IndicatorPages {

    private IndicatorPages() {}

    public static IndicatorPage page(SeriesBody series, String geography, String from, String to) {
        String unit = series.indicator().unit();
        List<SeriesBody.Point> points = series.points() == null ? List.of() : series.points();
        List<IndicatorPage.Row> rows = new ArrayList<>();
        List<IndicatorPage.Cause> causes = new ArrayList<>();
        for (SeriesBody.Point p : points) {
            String period = SeriesChart.period(p.period());
            rows.add(new IndicatorPage.Row(
                    period,
                    Words.figure(p.value(), unit),
                    p.lastYear() == null ? "No figure" : Words.figure(p.lastYear(), unit),
                    p.target() == null ? "No target" : Words.figure(p.target(), unit),
                    band(p.familyGroup(), unit),
                    p.flags().isEmpty() ? "None" : variation(SeriesChart.variation(p.flags()))));
            if (!p.flags().isEmpty()) {
                causes.add(new IndicatorPage.Cause(
                        period,
                        variation(SeriesChart.variation(p.flags())),
                        p.flags().stream().map(SeriesBody.Flag::explanation).collect(Collectors.joining(" "))));
            }
        }
        return new IndicatorPage(
                series.indicator().code(),
                series.indicator().title(),
                series.geography() == null ? "" : series.geography().name(),
                SeriesChart.period(series.from()),
                SeriesChart.period(series.to()),
                polarity(series.indicator().polarity()),
                SeriesChart.svg(series, "series-chart"),
                SeriesChart.description(series, points),
                rows,
                causes,
                processControl(series, unit),
                csvHref(series.indicator().code(), geography, from, to));
    }

    private static String band(SeriesBody.Band band, String unit) {
        if (band == null || band.lower() == null || band.upper() == null) {
            return "None";
        }
        return Words.figure(band.lower(), unit) + " to " + Words.figure(band.upper(), unit);
    }

    static String variation(String code) {
        return switch (code == null ? "" : code) {
            case "improvement" -> "Improvement";
            case "concern" -> "Concern";
            default -> "Special cause (neither better nor worse)";
        };
    }

    static String polarity(String code) {
        return switch (code == null ? "" : code) {
            case "lower-is-better" -> "Lower is better";
            case "higher-is-better" -> "Higher is better";
            default -> "Neither higher nor lower is better";
        };
    }

    private static String processControl(SeriesBody series, String unit) {
        SeriesBody.ProcessControl spc = series.processControl();
        if (spc == null) {
            return series.processControlNote() == null
                    ? "Too few figures for a process-control reading."
                    : series.processControlNote();
        }
        return "Mean " + Words.figure(spc.mean(), unit) + ", natural process limits "
                + Words.figure(spc.lowerLimit(), unit) + " to " + Words.figure(spc.upperLimit(), unit)
                + " (mean ± 2.66 × the mean moving range of " + Words.figure(spc.meanMovingRange(), unit)
                + "), over the " + spc.baselinePoints() + " figures from " + SeriesChart.period(spc.baselineFrom())
                + " to " + SeriesChart.period(spc.baselineTo()) + ".";
    }

    /** The CSV download's address, with the page's own choices. */
    static String csvHref(String code, String geography, String from, String to) {
        return address(code, "/series.csv", geography, from, to);
    }

    /** An address under the indicator's page ({@code path}: "" for the page itself), with the page's own choices. */
    static String address(String code, String path, String geography, String from, String to) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("geography", geography);
        query.put("from", from);
        query.put("to", to);
        String params = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String address = "/indicators/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + path;
        return params.isEmpty() ? address : address + "?" + params;
    }
}
