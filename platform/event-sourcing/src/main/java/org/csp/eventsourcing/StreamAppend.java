package org.csp.eventsourcing;

import java.util.List;

/**
 * Events to append to one stream. {@code expectedVersion} is the version the caller decided on
 * (0 for a new stream); the events get versions {@code expectedVersion + 1 …}.
 */
public record StreamAppend(
        String streamId,
        String partnershipId,
        long expectedVersion,
        List<NewEvent> events,
        Actor actor,
        boolean preconditionFromClient) {

    public StreamAppend(
            String streamId, String partnershipId, long expectedVersion, List<NewEvent> events, Actor actor) {
        this(streamId, partnershipId, expectedVersion, events, actor, false);
    }
}
