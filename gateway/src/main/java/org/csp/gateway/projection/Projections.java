package org.csp.gateway.projection;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every read model of the gateway ({@link Projection} beans) with the kernel's exactly-once consumer. Any
 * number of gateways may run: one projects, the others stand by and serve reads.
 */
@ApplicationScoped
public class Projections {

    private static final Logger LOG = Logger.getLogger(Projections.class);

    /** The tables of the projection before generations (one set in {@code public}); nothing reads them any more. */
    private static final String LEGACY_TABLES = "projection_offset, projection_stream, view_initiative, "
            + "view_initiative_progress, view_indicator, view_measure, view_engagement";

    private final Pool pool;
    private final ProjectionConfig config;
    private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();

    public Projections(Pool pool, ProjectionConfig config, DedicatedConnections connections, Instance<Projection> projections) {
        this.pool = pool;
        this.config = config;
        ConsumerSettings settings = new ConsumerSettings(config.bootstrapServers(), config.maxBatch(), config.pollTimeout(),
                config.standbyRetry(), config.gapReportAfter(), config.topicPartitions());
        for (Projection projection : projections) {
            runners.put(projection.name(), new ProjectionRunner(projection, pool,
                    connections.leaderLock("projection:" + projection.name()), settings));
        }
    }

    void onStart(@Observes StartupEvent event) {
        pool.query("DROP TABLE IF EXISTS " + LEGACY_TABLES).execute().await().atMost(Duration.ofMinutes(1));
        for (ProjectionRunner runner : runners.values()) {
            if (config.enabled()) {
                runner.start();
            } else {
                runner.createTables();
            }
        }
        LOG.infof("Projections %s %s", runners.keySet(), config.enabled() ? "started" : "disabled");
    }

    void onStop(@Observes ShutdownEvent event) {
        runners.values().forEach(ProjectionRunner::stop);
    }

    public ProjectionRunner runner(String name) {
        ProjectionRunner runner = runners.get(name);
        if (runner == null) {
            throw new IllegalArgumentException("No projection " + name);
        }
        return runner;
    }

    public List<ProjectionRunner> runners() {
        return new ArrayList<>(runners.values());
    }

    public Uni<List<ProjectionStatus>> status() {
        return Multi.createFrom().iterable(runners.values()).onItem().transformToUniAndConcatenate(ProjectionRunner::status)
                .collect().asList();
    }
}
