package org.csp.eventsourcing;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A committed event as it sits in the event table. */
public record StoredEvent(
        long position,
        UUID eventId,
        String streamId,
        long version,
        String type,
        String partnershipId,
        String payload,
        OffsetDateTime occurredAt,
        Actor actor) {}
