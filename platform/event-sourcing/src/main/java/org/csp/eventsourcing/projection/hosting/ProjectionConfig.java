package org.csp.eventsourcing.projection.hosting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import org.csp.eventsourcing.cloudevents.KafkaConnection;
import org.csp.eventsourcing.projection.ConsumerSettings;

/** How the hosted projections consume their topics ({@code csp.projection.*}), the same for every one of them. */
@ConfigMapping(prefix = "csp.projection")
public interface ProjectionConfig {

    /** Kafka bootstrap servers. */
    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    /** Most records applied in one transaction. */
    @WithDefault("1000")
    int maxBatch();

    /** How long a poll waits for records. */
    @WithDefault("200ms")
    Duration pollTimeout();

    /** How often a standby instance tries to become the one that projects. */
    @WithDefault("2s")
    Duration standbyRetry();

    /** After how long an unresolved gap in a stream makes the instance unwell (health) until it is filled. */
    @WithDefault("30s")
    Duration gapReportAfter();

    /** Partitions of a topic created because its service has not created it yet. */
    @WithDefault("3")
    int topicPartitions();

    /** Consume, or only create the tables that reads need: off for tests of other parts. */
    @WithDefault("true")
    boolean enabled();

    /** The settings of every projection, with the connection's security from {@code kafkaSettings} (Kafka names). */
    default ConsumerSettings settings(Map<String, ?> kafkaSettings) {
        return new ConsumerSettings(
                KafkaConnection.of(bootstrapServers(), kafkaSettings),
                maxBatch(),
                pollTimeout(),
                standbyRetry(),
                gapReportAfter(),
                topicPartitions());
    }
}
