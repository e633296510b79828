package org.csp.gateway.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "csp.projection")
public interface ProjectionConfig {

    List<String> topics();

    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    @WithDefault("1000")
    int maxBatch();

    @WithDefault("200ms")
    Duration pollTimeout();

    @WithDefault("3")
    int topicPartitions();

    @WithDefault("true")
    boolean enabled();
}
