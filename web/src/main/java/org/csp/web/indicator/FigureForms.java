package org.csp.web.indicator;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.csp.web.display.Words;
import org.csp.web.form.FormError;
import org.csp.web.gateway.FormRefused;

/** The indicator page's revision history and the words of its forms' answers (pure). */
public final class FigureForms {

    /** The fields of the one-figure form, by the name the service gives them in a refusal. */
    static final List<String> FIELDS = List.of("period", "geography", "value", "status", "source", "reason");

    private static final DateTimeFormatter RECORDED =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private static final Pattern THOUSANDS = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private FigureForms() {}

    /**
     * Every revision of each figure that has been revised (a figure reported once has no history to show), by period
     * and source, oldest revision first.
     */
    public static List<IndicatorFigures.Revised> revisions(List<RecordedPoint> points, String unit) {
        List<IndicatorFigures.Revised> revised = new ArrayList<>();
        points.stream()
                .filter(p -> p.revisions().size() > 1)
                .sorted(Comparator.comparing(RecordedPoint::period).thenComparing(RecordedPoint::source))
                .forEach(p -> p.revisions().stream()
                        .sorted(Comparator.comparingInt(RecordedPoint.Revision::revision))
                        .forEach(r -> revised.add(new IndicatorFigures.Revised(
                                SeriesChart.period(p.period()),
                                p.source(),
                                r.revision(),
                                Words.figure(r.value(), unit),
                                "final".equals(r.status()) ? "Final" : "Provisional",
                                r.submittedBy() == null ? "Not known" : r.submittedBy(),
                                r.recordedAt() == null ? "Not known" : RECORDED.format(r.recordedAt()),
                                r.reason() == null || r.reason().isBlank() ? "None given" : r.reason()))));
        return List.copyOf(revised);
    }

    /** The one-figure form's errors from the service's refusal, each field named in words. */
    public static List<FormError> figureErrors(FormRefused refused) {
        List<FormError> errors = new ArrayList<>();
        for (FormRefused.FieldError e : refused.errors()) {
            String field = FIELDS.contains(e.field()) ? e.field() : "period";
            errors.add(new FormError(field, words(e.field()) + " " + e.message()));
        }
        if (errors.isEmpty()) {
            errors.add(new FormError("period", refusal(refused)));
        }
        return List.copyOf(errors);
    }

    /** The upload's errors: one for each bad row of the file (row 1 is the first after the header), linked to it. */
    public static List<FormError> uploadErrors(FormRefused refused) {
        List<FormError> errors = new ArrayList<>();
        for (FormRefused.FieldError e : refused.errors()) {
            String where = e.row() == null ? "The file" : "Row " + e.row();
            String column = e.field() == null || e.field().equals("row") ? "" : ", column " + e.field();
            errors.add(new FormError("csv", where + column + ": " + e.message()));
        }
        if (errors.isEmpty()) {
            errors.add(new FormError("csv", refusal(refused)));
        }
        return List.copyOf(errors);
    }

    /**
     * The figure a person typed, as a number: "1,234.5" is 1234.5 (thousands separated by commas, as people write
     * them); null when blank or not a number. Its range and precision are the service's to judge.
     */
    public static BigDecimal number(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        if (THOUSANDS.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** "The figure for September 2024 was recorded." after a figure, or the counts of an upload. */
    public static String recorded(String period) {
        return "The figure for " + period + " was recorded.";
    }

    public static String uploaded(int rows, int recorded, int revised, int unchanged) {
        return "The file's " + rows + (rows == 1 ? " row was" : " rows were") + " recorded: " + recorded + " new, "
                + revised + " revised and " + unchanged + " already as reported.";
    }

    private static String refusal(FormRefused refused) {
        return switch (refused.status()) {
            case 403 -> "You may not record figures for this indicator. " + detail(refused);
            case 413 -> "The file is too large. " + detail(refused);
            default -> detail(refused);
        };
    }

    private static String detail(FormRefused refused) {
        return refused.detail() == null ? "It was not recorded." : refused.detail();
    }

    private static String words(String field) {
        return switch (field == null ? "" : field) {
            case "period" -> "The period";
            case "geography" -> "The place";
            case "value" -> "The figure";
            case "status" -> "The status";
            case "source" -> "The source";
            case "reason" -> "The reason";
            default -> "The figure's " + (field == null ? "report" : field);
        };
    }
}
