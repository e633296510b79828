package org.csp.eventsourcing.projection;

import java.time.Instant;
import java.util.List;

/** What a projection is doing, as any instance can tell from the database and the brokers. */
public record ProjectionStatus(
        String projection,
        String role,
        long appliedSinceStart,
        String lastError,
        Instant lastErrorAt,
        Generation live,
        Generation rebuild) {

    /** One generation of the read model: its state, how far it has read each partition, what it parked and its gaps. */
    public record Generation(
            int generation,
            String state,
            int projectionVersion,
            Instant requestedAt,
            Instant startedAt,
            Instant switchedAt,
            Instant finishedAt,
            String error,
            List<Partition> partitions,
            long lag,
            long parkedCount,
            List<Parked> parked,
            List<Gap> gaps) {}

    /** {@code appliedOffset} is the next offset this generation will read; {@code lag} how many records are left. */
    public record Partition(String topic, int partition, long appliedOffset, long endOffset, long lag) {}

    /** A record that was not applied, with the reason; {@code id} names it for a replay or discard. */
    public record Parked(
            long id,
            String topic,
            int partition,
            long offset,
            String type,
            String subject,
            String reason,
            Instant parkedAt) {}

    /**
     * A stream whose {@code foundVersion} arrived while {@code expectedVersion} was never applied; {@code id} names it
     * for a skip.
     */
    public record Gap(
            long id,
            String source,
            String stream,
            long expectedVersion,
            long foundVersion,
            String topic,
            int partition,
            long offset,
            Instant firstSeen,
            boolean persistent) {}
}
