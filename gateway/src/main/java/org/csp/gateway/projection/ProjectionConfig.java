package org.csp.gateway.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

/** How the gateway's projections consume the services' topics ({@code csp.projection.*}). */
@ConfigMapping(prefix = "csp.projection")
public interface ProjectionConfig {

    /** The services' topics the quarterly view is projected from. */
    List<String> topics();

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

    /** How often a standby gateway tries to become the one that projects. */
    @WithDefault("2s")
    Duration standbyRetry();

    /** After how long an unresolved gap in a stream makes the gateway unwell (health) until it is filled. */
    @WithDefault("30s")
    Duration gapReportAfter();

    /** Partitions of a topic the gateway creates because no service has yet. */
    @WithDefault("3")
    int topicPartitions();

    /** Off for tests of other parts. */
    @WithDefault("true")
    boolean enabled();
}
