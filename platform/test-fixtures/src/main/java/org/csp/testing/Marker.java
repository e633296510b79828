package org.csp.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Text that tells one test's records from another's (the test servers serve every test class of a run). It is made
 * of letters only, counted up from "a" in each run: never random, so no personal-data check can ever judge it
 * differently from one run to the next, as it once judged a random UUID's digits a telephone number.
 */
public final class Marker {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Marker() {}

    /**
     * The next marker of this run: "[marker a]", "[marker b]" … "[marker z]", "[marker ba]" …; in brackets, so that no
     * marker is part of another.
     */
    public static String next() {
        return "[marker " + letters(NEXT.getAndIncrement()) + "]";
    }

    /** {@code n} in base 26 with the digits a to z. */
    static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.toString();
    }
}
