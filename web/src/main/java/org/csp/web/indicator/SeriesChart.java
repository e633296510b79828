package org.csp.web.indicator;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.csp.web.display.Words;

/**
 * An indicator's series drawn as SVG on the server (pure: the same series, the same markup): this year's figures as a
 * line with a dot per period, last year's as a dashed grey line, the target as a dashed line, the family group's band
 * shaded, and the statistical-process-control reading (mean, and the natural process limits dotted) with each
 * special-cause point ringed and marked with a letter, I for improvement and C for concern (never colour alone). The
 * image names itself with a title and a description in words (role {@code img}); the page puts the same figures in a
 * table beside it, and the special causes in a list.
 *
 * <p>Every text is escaped: titles come from the catalogue, and nothing is written raw.
 */
public final class SeriesChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 360;
    static final int LEFT = 72;
    static final int RIGHT = 16;
    static final int TOP = 20;
    static final int BOTTOM = 64;

    /** At most this many period labels on the x axis; the rest are in the table. */
    static final int MAX_LABELS = 12;

    private SeriesChart() {}

    /** The chart's SVG markup; {@code id} makes its title's and description's ids unique on the page. */
    public static String svg(SeriesBody series, String id) {
        List<SeriesBody.Point> points = series.points() == null ? List.of() : series.points();
        Scale y = Scale.of(values(series, points));
        int n = Math.max(points.size(), 1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        Function<Integer, Double> x = i -> LEFT + (i + 0.5) * plotWidth / n;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"csp-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(escape(id))
                .append("-title ")
                .append(escape(id))
                .append("-desc\">\n");
        svg.append("<title id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(title(series)))
                .append("</title>\n");
        svg.append("<desc id=\"")
                .append(escape(id))
                .append("-desc\">")
                .append(escape(description(series, points)))
                .append("</desc>\n");
        axes(svg, y, points, x);
        band(svg, points, x, y);
        SeriesBody.ProcessControl spc = series.processControl();
        if (spc != null) {
            level(svg, spc.mean(), y, "csp-chart__mean", "stroke:#505a5f;stroke-width:1.5");
            level(svg, spc.upperLimit(), y, "csp-chart__limit", "stroke:#505a5f;stroke-width:1;stroke-dasharray:2 3");
            level(svg, spc.lowerLimit(), y, "csp-chart__limit", "stroke:#505a5f;stroke-width:1;stroke-dasharray:2 3");
        }
        line(
                svg,
                points,
                SeriesBody.Point::target,
                x,
                y,
                "csp-chart__target",
                "stroke:#00703c;stroke-width:2;stroke-dasharray:8 4");
        line(
                svg,
                points,
                SeriesBody.Point::lastYear,
                x,
                y,
                "csp-chart__last-year",
                "stroke:#b1b4b6;stroke-width:2;stroke-dasharray:4 4");
        line(svg, points, SeriesBody.Point::value, x, y, "csp-chart__value", "stroke:#1d70b8;stroke-width:3");
        dots(svg, points, x, y);
        svg.append("</svg>");
        return svg.toString();
    }

    static String title(SeriesBody series) {
        String place =
                series.geography() == null ? "" : ", " + series.geography().name();
        return series.indicator().title() + place + ", " + period(series.from()) + " to " + period(series.to());
    }

    /** What the chart shows, in words, for those who cannot see it. */
    static String description(SeriesBody series, List<SeriesBody.Point> points) {
        String unit = series.indicator().unit();
        List<SeriesBody.Point> withValue =
                points.stream().filter(p -> p.value() != null).toList();
        StringBuilder text = new StringBuilder();
        if (withValue.isEmpty()) {
            return text.append("No figures for these periods.").toString();
        }
        BigDecimal low = withValue.stream()
                .map(SeriesBody.Point::value)
                .min(BigDecimal::compareTo)
                .orElseThrow();
        BigDecimal high = withValue.stream()
                .map(SeriesBody.Point::value)
                .max(BigDecimal::compareTo)
                .orElseThrow();
        SeriesBody.Point latest = withValue.get(withValue.size() - 1);
        text.append(withValue.size())
                .append(withValue.size() == 1 ? " period" : " periods")
                .append(" with a figure, from ")
                .append(Words.figure(low, unit))
                .append(" to ")
                .append(Words.figure(high, unit))
                .append(". Latest: ")
                .append(Words.figure(latest.value(), unit))
                .append(" in ")
                .append(period(latest.period()));
        if (latest.lastYear() != null) {
            text.append(", against ")
                    .append(Words.figure(latest.lastYear(), unit))
                    .append(" a year earlier");
        }
        if (latest.target() != null) {
            text.append("; target ").append(Words.figure(latest.target(), unit));
        }
        text.append('.');
        SeriesBody.ProcessControl spc = series.processControl();
        if (spc != null) {
            text.append(" Process limits ")
                    .append(Words.figure(spc.lowerLimit(), unit))
                    .append(" to ")
                    .append(Words.figure(spc.upperLimit(), unit))
                    .append(" around a mean of ")
                    .append(Words.figure(spc.mean(), unit))
                    .append("; ");
            long causes = points.stream().mapToLong(p -> p.flags().size()).sum();
            text.append(causes == 0 ? "no special cause" : causes == 1 ? "1 special cause" : causes + " special causes")
                    .append('.');
        }
        return text.toString();
    }

    /** "2024/25 Q2" for a financial quarter's id, "September 2024" for a month's; any other period as it is. */
    static String period(String id) {
        if (id == null) {
            return "";
        }
        if (MONTH.matcher(id).matches()) {
            return YearMonth.parse(id).format(MONTH_LABEL);
        }
        return org.csp.calendar.FinancialQuarter.parse(id)
                .map(org.csp.calendar.FinancialQuarter::label)
                .orElse(id);
    }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private static List<BigDecimal> values(SeriesBody series, List<SeriesBody.Point> points) {
        List<BigDecimal> values = new ArrayList<>();
        for (SeriesBody.Point p : points) {
            Stream.of(p.value(), p.lastYear(), p.target())
                    .filter(Objects::nonNull)
                    .forEach(values::add);
            if (p.familyGroup() != null) {
                Stream.of(p.familyGroup().lower(), p.familyGroup().upper())
                        .filter(Objects::nonNull)
                        .forEach(values::add);
            }
        }
        SeriesBody.ProcessControl spc = series.processControl();
        if (spc != null) {
            Stream.of(spc.mean(), spc.lowerLimit(), spc.upperLimit())
                    .filter(Objects::nonNull)
                    .forEach(values::add);
        }
        return values;
    }

    private static void axes(StringBuilder svg, Scale y, List<SeriesBody.Point> points, Function<Integer, Double> x) {
        svg.append(
                "<g class=\"csp-chart__axes\" font-family=\"Arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\">\n");
        for (double tick : y.ticks()) {
            double at = y.at(tick);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" style=\"stroke:#e5e6e7;stroke-width:1\"/>%n",
                    LEFT,
                    WIDTH - RIGHT,
                    at,
                    at));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 8, at + 4))
                    .append(escape(Words.number(BigDecimal.valueOf(tick))))
                    .append("</text>\n");
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" style=\"stroke:#0b0c0c;stroke-width:1\"/>%n",
                LEFT,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                HEIGHT - BOTTOM));
        int every = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_LABELS));
        for (int i = 0; i < points.size(); i += every) {
            double at = x.apply(i);
            svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">",
                            at,
                            HEIGHT - BOTTOM + 16,
                            at,
                            HEIGHT - BOTTOM + 16))
                    .append(escape(period(points.get(i).period())))
                    .append("</text>\n");
        }
        svg.append("</g>\n");
    }

    /** The family group's band: one shaded shape over each run of periods that have one. */
    private static void band(StringBuilder svg, List<SeriesBody.Point> points, Function<Integer, Double> x, Scale y) {
        for (List<Integer> run : runs(
                points,
                p -> p.familyGroup() != null
                        && p.familyGroup().lower() != null
                        && p.familyGroup().upper() != null)) {
            StringBuilder shape = new StringBuilder();
            for (int i : run) {
                shape.append(coordinates(
                                x.apply(i),
                                y.at(points.get(i).familyGroup().upper().doubleValue())))
                        .append(' ');
            }
            for (int j = run.size() - 1; j >= 0; j--) {
                int i = run.get(j);
                shape.append(coordinates(
                                x.apply(i),
                                y.at(points.get(i).familyGroup().lower().doubleValue())))
                        .append(' ');
            }
            svg.append("<polygon class=\"csp-chart__band\" points=\"")
                    .append(shape.toString().trim())
                    .append("\" style=\"fill:#d2e2f1;stroke:none\"/>\n");
        }
    }

    private static void level(StringBuilder svg, BigDecimal value, Scale y, String className, String style) {
        if (value == null) {
            return;
        }
        double at = y.at(value.doubleValue());
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" style=\"%s\"/>%n",
                className,
                LEFT,
                WIDTH - RIGHT,
                at,
                at,
                style));
    }

    /** A line through the periods that have {@code value}; a period without one breaks it. */
    private static void line(
            StringBuilder svg,
            List<SeriesBody.Point> points,
            Function<SeriesBody.Point, BigDecimal> value,
            Function<Integer, Double> x,
            Scale y,
            String className,
            String style) {
        for (List<Integer> run : runs(points, p -> value.apply(p) != null)) {
            if (run.size() < 2) {
                continue; // a lone figure is a dot (this year's) or shows in the table
            }
            StringBuilder line = new StringBuilder();
            for (int i : run) {
                line.append(coordinates(
                                x.apply(i), y.at(value.apply(points.get(i)).doubleValue())))
                        .append(' ');
            }
            svg.append("<polyline class=\"")
                    .append(className)
                    .append("\" points=\"")
                    .append(line.toString().trim())
                    .append("\" style=\"fill:none;")
                    .append(style)
                    .append("\"/>\n");
        }
    }

    /** A dot per figure; a special cause is ringed, coloured and lettered (I improvement, C concern, S neither). */
    private static void dots(StringBuilder svg, List<SeriesBody.Point> points, Function<Integer, Double> x, Scale y) {
        for (int i = 0; i < points.size(); i++) {
            SeriesBody.Point p = points.get(i);
            if (p.value() == null) {
                continue;
            }
            double cx = x.apply(i);
            double cy = y.at(p.value().doubleValue());
            if (p.flags().isEmpty()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"csp-chart__point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" style=\"fill:#1d70b8\"/>%n",
                        cx,
                        cy));
                continue;
            }
            String variation = variation(p.flags());
            String colour = switch (variation) {
                case "improvement" -> "#1d70b8";
                case "concern" -> "#f47738";
                default -> "#4c2c92";
            };
            String letter = switch (variation) {
                case "improvement" -> "I";
                case "concern" -> "C";
                default -> "S";
            };
            svg.append("<g class=\"csp-chart__special-cause csp-chart__special-cause--")
                    .append(variation)
                    .append("\">")
                    .append("<title>")
                    .append(escape(period(p.period()) + ": "
                            + String.join(
                                    " ",
                                    p.flags().stream()
                                            .map(SeriesBody.Flag::explanation)
                                            .toList())))
                    .append("</title>")
                    .append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" style=\"fill:%s;stroke:#0b0c0c;stroke-width:1\"/>",
                            cx,
                            cy,
                            colour))
                    .append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"Arial, sans-serif\""
                                    + " font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">%s</text>",
                            cx,
                            cy + 4,
                            letter))
                    .append("</g>\n");
        }
    }

    /** Improvement or concern when every flag at the point says so; else "neither". */
    static String variation(List<SeriesBody.Flag> flags) {
        List<String> kinds =
                flags.stream().map(SeriesBody.Flag::variation).distinct().toList();
        return kinds.size() == 1 && ("improvement".equals(kinds.get(0)) || "concern".equals(kinds.get(0)))
                ? kinds.get(0)
                : "neither";
    }

    /** The runs of consecutive periods for which {@code present} holds. */
    private static List<List<Integer>> runs(
            List<SeriesBody.Point> points, java.util.function.Predicate<SeriesBody.Point> present) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (present.test(points.get(i))) {
                run.add(i);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static String coordinates(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    /** Text and attribute values for XML: markup in a catalogue's text stays text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The y axis: round numbers just around the values, so that the variation a process-control chart is about can be
     * seen (a series from 100 to 117 is not drawn from zero); never below zero when no value is.
     */
    record Scale(double low, double high, double step) {

        static Scale of(List<BigDecimal> values) {
            double min =
                    values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
            double max =
                    values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
            double pad = max > min ? (max - min) * 0.1 : Math.max(1, Math.abs(max) * 0.1);
            double low = min >= 0 ? Math.max(0, min - pad) : min - pad;
            double high = max + pad;
            double step = nice((high - low) / 5);
            return new Scale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
        }

        /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
        static double nice(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double factor : new double[] {1, 2, 5, 10}) {
                if (factor * power >= rough) {
                    return factor * power;
                }
            }
            return 10 * power;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double tick = low; tick <= high + step / 2; tick += step) {
                ticks.add(Math.round(tick / step) * step);
            }
            return ticks;
        }

        /** The y coordinate of {@code value}. */
        double at(double value) {
            double plot = HEIGHT - TOP - BOTTOM;
            return HEIGHT - BOTTOM - (value - low) / (high - low) * plot;
        }
    }
}
