package org.csp.gateway.county;

import java.util.List;
import java.util.Locale;
import org.csp.calendar.FinancialQuarter;
import org.csp.codes.Coded;
import org.csp.gateway.quarterly.QuarterParameter;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;

/**
 * What a county feed request asks for: the quarter, the level of its places, the core set or every indicator, and
 * the cursor to give changes since (null: everything). Each query parameter is checked here; a bad one is a 400
 * naming it.
 */
public record FeedQuery(FinancialQuarter quarter, Level level, Indicators indicators, FeedCursor since) {

    /** The places of the rows: each partnership's district (the default), its wards, or the county as a whole. */
    public enum Level implements Coded {
        DISTRICT,
        WARD,
        COUNTY
    }

    /** The county core set (the default) or every indicator of every partnership. */
    public enum Indicators implements Coded {
        CORE,
        ALL
    }

    public static FeedQuery parse(String quarter, String level, String indicators, String since) {
        FinancialQuarter q = QuarterParameter.parse(quarter);
        return new FeedQuery(
                q,
                code(Level.class, "level", level, Level.DISTRICT),
                code(Indicators.class, "indicators", indicators, Indicators.CORE),
                since == null ? null : FeedCursor.parse(since));
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String parameter, String text, E absent) {
        if (text == null) {
            return absent;
        }
        E value = text.length() > Coded.MAX_LENGTH ? null : Coded.of(type, text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw invalid(parameter, "must be one of " + String.join(", ", Coded.codes(type)));
        }
        return value;
    }

    /** A 400 naming the query parameter. */
    static ProblemException invalid(String parameter, String problem) {
        return new ProblemException(
                400,
                "invalid-query",
                "Invalid query parameter",
                parameter + " " + problem + ".",
                List.of(new FieldViolation(parameter, problem)));
    }

    /** What distinguishes this request's answer, apart from the data and the representation. */
    String variant() {
        return quarter.pathId() + "|" + level.code() + "|" + indicators.code() + "|" + since;
    }
}
