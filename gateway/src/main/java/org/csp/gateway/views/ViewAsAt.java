package org.csp.gateway.views;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.calendar.FinancialQuarter;
import org.csp.gateway.views.QuarterView.AsAt;
import org.csp.gateway.views.QuarterView.Close;
import org.csp.gateway.views.QuarterView.ReviewState;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/**
 * What a view's {@code asAt} parameter asks for: nothing (the latest close for a closed quarter, else live),
 * {@code live}, {@code close} (the latest close) or {@code close:N} (the N-th close, 1 the first).
 */
public record ViewAsAt(Kind kind, int close) {

    /** The longest value accepted. */
    public static final int MAX_LENGTH = 16;

    public enum Kind {
        DEFAULT,
        LIVE,
        LATEST_CLOSE,
        CLOSE
    }

    private static final Pattern CLOSE = Pattern.compile("close:([1-9][0-9]{0,5})");

    /** The parameter as sent (null: absent); a 400 naming {@code asAt} for anything else. */
    public static ViewAsAt parse(String text) {
        if (text == null) {
            return new ViewAsAt(Kind.DEFAULT, 0);
        }
        if (text.equals("live")) {
            return new ViewAsAt(Kind.LIVE, 0);
        }
        if (text.equals("close")) {
            return new ViewAsAt(Kind.LATEST_CLOSE, 0);
        }
        Matcher m = text.length() > MAX_LENGTH ? null : CLOSE.matcher(text);
        if (m == null || !m.matches()) {
            throw new ProblemException(
                    400,
                    "invalid-query",
                    "Invalid query parameter",
                    "asAt must be live, close or close:N (the N-th close of the review, 1 the first).",
                    List.of(new FieldViolation("asAt", "must be live, close or close:N")));
        }
        return new ViewAsAt(Kind.CLOSE, Integer.parseInt(m.group(1)));
    }

    /** The figures this asks for in a quarter whose review is {@code review}; 404 for a close that never happened. */
    AsAt resolve(ReviewState review, FinancialQuarter quarter) {
        List<Close> closes = review.closes();
        Close chosen = switch (kind) {
            case LIVE -> null;
            case DEFAULT -> "closed".equals(review.state()) && !closes.isEmpty() ? closes.getLast() : null;
            case LATEST_CLOSE -> closes.isEmpty() ? missing(quarter, "has never closed") : closes.getLast();
            case CLOSE ->
                close <= closes.size()
                        ? closes.get(close - 1)
                        : missing(quarter, "has closed " + closes.size() + " time(s), not " + close);
        };
        return chosen == null ? new AsAt("live", null, null) : new AsAt("close", chosen.number(), chosen.closedAt());
    }

    private static Close missing(FinancialQuarter quarter, String what) {
        throw new ProblemException(
                404, "not-found", "No such close", "The quarterly review of " + quarter.pathId() + " " + what + ".");
    }

    @Override
    public String toString() {
        return kind == Kind.CLOSE ? "close:" + close : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
