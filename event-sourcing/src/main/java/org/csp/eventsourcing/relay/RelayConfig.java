package org.csp.eventsourcing.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

@ConfigMapping(prefix = "csp.relay")
public interface RelayConfig {

    /** Kafka topic the service's events go to ({@code plan.events}, …). */
    String topic();

    /** CloudEvents {@code source}: the service's name. */
    String source();

    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    @WithDefault("500")
    int batchSize();

    /** Longest wait for new events when no commit signal arrives (other instances, restarts). */
    @WithDefault("250ms")
    Duration idlePoll();

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    @WithDefault("true")
    boolean enabled();
}
