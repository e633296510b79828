package org.csp.eventsourcing.projection;

import java.time.Duration;
import org.csp.eventsourcing.cloudevents.KafkaConnection;

/**
 * How a {@link ProjectionRunner} consumes: the Kafka connection, the largest batch, how long a poll waits, how often a
 * standby tries for leadership, and after how long an unresolved gap counts as persistent.
 */
public record ConsumerSettings(
        KafkaConnection kafka,
        int maxBatch,
        Duration pollTimeout,
        Duration standbyRetry,
        Duration gapReportAfter,
        int topicPartitions) {}
