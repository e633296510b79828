package org.csp.assessment.disclosure;

/** An area's count as the public sees it: published with its value, or suppressed with the reason and no value. */
public sealed interface Cell {

    String area();

    record Published(String area, long value) implements Cell {}

    record Suppressed(String area, Reason reason) implements Cell {}

    /** Why a count is not shown. */
    enum Reason implements org.csp.codes.Coded {
        /** A count from 1 to one below the smallest count shown (1 to 9 unless the indicator's threshold is higher). */
        PRIMARY("a count from 1 to %d"),
        /** A count that would let a suppressed count be worked out from the totals or the other areas. */
        SECONDARY("suppressed so that another suppressed count cannot be worked out");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** The reason in words, for {@code smallestShown} the smallest count a table shows. */
        public String describe(long smallestShown) {
            return description.formatted(smallestShown - 1);
        }
    }
}
