package org.csp.eventsourcing.relay;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/** The outbox relay of an event-sourced service ({@code csp.relay.*}). */
@ConfigMapping(prefix = "csp.relay")
public interface RelayConfig {

    /** Kafka topic the service's events go to ({@code plan.events}, …). */
    String topic();

    /** CloudEvents {@code source}: the service's name. */
    String source();

    /** Kafka bootstrap servers. */
    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    /** Most events read and sent per round. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait for new events when no commit signal arrives (other instances, restarts). */
    @WithDefault("250ms")
    Duration idlePoll();

    /** How often a standby tries to become the leader. */
    @WithDefault("2s")
    Duration standbyRetry();

    /** First wait after a failure; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between retries after repeated failures. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long Kafka may take to acknowledge a record before the send counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Partitions of the topic when the relay creates it. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topic when the relay creates it. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Off for tests that publish by hand. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Outside CDI (benchmarks, tests): the configuration from {@code settings} ({@code csp.relay.topic} …), with the
     * defaults declared here for every key they leave out. SmallRye Config generates the mapping with ASM
     * ({@code org.ow2.asm:asm} on the class path).
     */
    static RelayConfig of(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "settings", 100))
                .withMapping(RelayConfig.class)
                .build()
                .getConfigMapping(RelayConfig.class);
    }
}
