package org.csp.measures.derived;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Runs {@link EngagementDerivation} with the kernel's exactly-once consumer once the catalogue is loaded. Any number of
 * measures-service instances may run: one consumes, the others stand by.
 */
@ApplicationScoped
public class DerivedIndicators {

    private final ProjectionRunner runner;
    private final boolean enabled;

    public DerivedIndicators(EngagementDerivation derivation, Pool pool, DedicatedConnections connections,
                             @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrapServers,
                             @ConfigProperty(name = "csp.derived.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
        this.runner = new ProjectionRunner(derivation, pool, connections.leaderLock("projection:" + derivation.name()),
                new ConsumerSettings(bootstrapServers, 1000, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30), 3));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) EventStoreReady ready) {
        if (enabled) {
            runner.start();
        } else {
            runner.createTables();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        runner.stop();
    }

    public Uni<ProjectionStatus> status() {
        return runner.status();
    }
}
