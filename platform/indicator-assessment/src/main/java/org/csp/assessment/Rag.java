package org.csp.assessment;

import org.csp.codes.Coded;

/** Red, amber or green; "not-rated" for a monitor-only indicator or when there is nothing to rate against. */
public enum Rag implements Coded {
    RED,
    AMBER,
    GREEN,
    NOT_RATED
}
