package org.csp.assessment;

import org.csp.codes.Coded;

/** Which way the value itself moved against the same period last year, whatever that means for the indicator. */
public enum Trend implements Coded {
    UP,
    DOWN,
    UNCHANGED,
    NO_COMPARISON
}
