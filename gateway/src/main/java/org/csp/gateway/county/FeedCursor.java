package org.csp.gateway.county;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the county feed's changes: the generation of the gateway's projection and the tick of its change clock
 * ({@code "3-1520"}). A cursor of another generation (the projection was rebuilt since) cannot say what changed: the
 * client fetches the whole feed again.
 */
public record FeedCursor(int generation, long tick) {

    /** The longest cursor text accepted. */
    public static final int MAX_LENGTH = 30;

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})-([0-9]{1,18})");

    /** The cursor in {@code text}; a 400 naming {@code since} when it is not one this API gave. */
    public static FeedCursor parse(String text) {
        Matcher m = text.length() > MAX_LENGTH ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw FeedQuery.invalid("since", "is not a cursor this feed gave; send a previous answer's cursor");
        }
        return new FeedCursor(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return generation + "-" + tick;
    }
}
