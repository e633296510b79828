package org.csp.eventsourcing.relay;

import java.time.Instant;

/**
 * What one relay instance is doing: {@code role} leader, standby or failed; the last position Kafka acknowledged
 * (as this instance knows it); the last transient error; and, when failed, why it stopped.
 */
public record RelayStatus(
        String topic, Role role, long publishedPosition, String lastError, Instant lastErrorAt, String failure) {

    public enum Role {
        STARTING,
        STANDBY,
        LEADER,
        FAILED,
        STOPPED
    }
}
