package org.csp.eventsourcing.relay;

import java.time.Instant;

/**
 * An event Kafka refused, as the administrator sees it: where it is in the event table, its stream and version, its
 * type, Kafka's reason, and when it was refused and, once republished, resolved.
 */
public record RefusedEvent(
        long position,
        String stream,
        long version,
        String type,
        String reason,
        Instant refusedAt,
        Instant resolvedAt) {}
