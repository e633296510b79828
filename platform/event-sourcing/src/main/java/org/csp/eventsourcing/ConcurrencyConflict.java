package org.csp.eventsourcing;

/**
 * An append whose expected stream version was stale: someone else appended first.
 * Surfaces as HTTP 409, or 412 when the client named the version with {@code If-Match}.
 */
public class ConcurrencyConflict extends RuntimeException {

    private final boolean preconditionFailed;

    public ConcurrencyConflict(String streamId, long expected, Long actual, boolean preconditionFailed) {
        super(
                actual == null
                        ? "Stream '%s' is no longer at version %d.".formatted(streamId, expected)
                        : "Stream '%s' is at version %d, not %d.".formatted(streamId, actual, expected));
        this.preconditionFailed = preconditionFailed;
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
