package org.csp.eventsourcing.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One of our events as it travels on a topic (CloudEvents 1.0): {@code subject} is the stream id,
 * {@code streamVersion} its version in that stream, {@code data} the JSON payload.
 */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        long streamVersion,
        String partnershipId,
        Instant time,
        JsonNode data) {}
