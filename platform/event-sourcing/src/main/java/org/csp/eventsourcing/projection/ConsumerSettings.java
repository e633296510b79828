package org.csp.eventsourcing.projection;

import java.time.Duration;

/**
 * How a {@link ProjectionRunner} consumes: Kafka servers, the largest batch, how long a poll waits, how often a
 * standby tries for leadership, and after how long an unresolved gap counts as persistent.
 */
public record ConsumerSettings(
        String bootstrapServers,
        int maxBatch,
        Duration pollTimeout,
        Duration standbyRetry,
        Duration gapReportAfter,
        int topicPartitions) {}
