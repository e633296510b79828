package org.csp.eventsourcing.relay;

import java.time.Instant;
import org.csp.eventsourcing.leadership.LeaderWorker;

/**
 * What one relay instance is doing: its {@code role} (leader, standby, stalled, failed …); the last position published
 * or passed over as refused (as this instance knows it); the last error of a round (retried); why it is not running,
 * when it should be ({@code failure}); and how many refused events are not republished yet.
 */
public record RelayStatus(
        String topic,
        LeaderWorker.Role role,
        long publishedPosition,
        String lastError,
        Instant lastErrorAt,
        String failure,
        long refused) {}
