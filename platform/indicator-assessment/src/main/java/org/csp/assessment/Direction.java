package org.csp.assessment;

import org.csp.codes.Coded;

/**
 * The direction of travel against the same period last year, read through the indicator's polarity; "not-assessed"
 * for a monitor-only indicator or when either year has no value.
 */
public enum Direction implements Coded {
    IMPROVING,
    STABLE,
    WORSENING,
    NOT_ASSESSED
}
