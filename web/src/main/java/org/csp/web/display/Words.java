package org.csp.web.display;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's codes in words and colours (RAG, progress status, direction, review states) and its figures as the
 * pages write them. A code this table does not know is shown as it came, on a grey tag, never dropped.
 */
public final class Words {

    private Words() {}

    public static Tag rag(String code) {
        if (code == null) {
            return new Tag("Not rated", "govuk-tag--grey");
        }
        return switch (code) {
            case "red" -> new Tag("Red", "govuk-tag--red");
            case "amber" -> new Tag("Amber", "govuk-tag--orange");
            case "green" -> new Tag("Green", "govuk-tag--green");
            case "not-rated" -> new Tag("Not rated", "govuk-tag--grey");
            default -> unknown(code);
        };
    }

    public static Tag status(String code) {
        if (code == null) {
            return new Tag("Not reported", "govuk-tag--grey");
        }
        return switch (code) {
            case "not-started" -> new Tag("Not started", "govuk-tag--grey");
            case "on-track" -> new Tag("On track", "govuk-tag--green");
            case "at-risk" -> new Tag("At risk", "govuk-tag--yellow");
            case "off-track" -> new Tag("Off track", "govuk-tag--red");
            case "completed" -> new Tag("Completed", "govuk-tag--blue");
            default -> unknown(code);
        };
    }

    /** A priority's report to the quarterly review. */
    public static Tag report(String code) {
        if (code == null) {
            return new Tag("No report expected", "govuk-tag--grey");
        }
        return switch (code) {
            case "submitted" -> new Tag("Report submitted", "govuk-tag--green");
            case "missing" -> new Tag("Report missing", "govuk-tag--red");
            case "not-expected" -> new Tag("No report expected", "govuk-tag--grey");
            default -> unknown(code);
        };
    }

    /** The quarterly review's state. */
    public static Tag review(String code) {
        if (code == null) {
            return new Tag("Review not opened", "govuk-tag--grey");
        }
        return switch (code) {
            case "not-opened" -> new Tag("Review not opened", "govuk-tag--grey");
            case "open" -> new Tag("Review open", "govuk-tag--blue");
            case "closed" -> new Tag("Review closed", "govuk-tag--green");
            default -> unknown(code);
        };
    }

    /** The direction of travel, already read through the indicator's polarity by the gateway. */
    public static String direction(String code) {
        if (code == null) {
            return "Not assessed";
        }
        return switch (code) {
            case "improving" -> "Improving";
            case "stable" -> "No significant change";
            case "worsening" -> "Getting worse";
            case "not-assessed" -> "Not assessed";
            default -> code;
        };
    }

    /** A figure with its unit: "1,234", "45.5%", "12.3 per 1,000"; "No figure" for none. */
    public static String figure(BigDecimal value, String unit) {
        if (value == null) {
            return "No figure";
        }
        String number = number(value);
        if (unit == null) {
            return number;
        }
        return switch (unit) {
            case "percentage" -> number + "%";
            case "rate-per-1000" -> number + " per 1,000";
            default -> number;
        };
    }

    /** "1,234" or "1,234.5": grouped, at most two decimals, no trailing zeros. */
    public static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(value.setScale(2, RoundingMode.HALF_UP));
    }

    public static String number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** The change on last year in words: "Up 12 (8.1%)", "Down 3", "No change"; empty when there is none to tell. */
    public static String change(BigDecimal change, BigDecimal percent, String unit) {
        if (change == null) {
            return "";
        }
        if (change.signum() == 0) {
            return "No change";
        }
        String words = (change.signum() > 0 ? "Up " : "Down ") + figure(change.abs(), unit);
        return percent == null ? words : words + " (" + number(percent.abs()) + "%)";
    }

    /** "Forest of Dean" for {@code forest-of-dean}: a partnership's or a county's id in words. */
    public static String place(String id) {
        if (id == null) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            if (!name.isEmpty()) {
                name.append(' ');
            }
            boolean small =
                    !name.isEmpty() && List.of("of", "and", "on", "upon", "the").contains(word);
            name.append(
                    small || word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.UK) + word.substring(1));
        }
        return name.toString();
    }

    private static Tag unknown(String code) {
        return new Tag(code, "govuk-tag--grey");
    }
}
