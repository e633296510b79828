package org.csp.eventsourcing.projection.hosting;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Runs every {@link Projection} bean of the application with the kernel's exactly-once consumer, and finds it by name
 * for its status and rebuild. Any number of instances may run: one projects each projection, the others stand by and
 * serve reads. {@link ProjectionStart} says when they start.
 */
@ApplicationScoped
public class ProjectionHost {

    private static final Logger LOG = Logger.getLogger(ProjectionHost.class);

    private final ProjectionConfig config;
    private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();
    private boolean started;

    /** {@code kafkaSettings}: the application's {@code kafka.*} settings, for the connection's security. */
    public ProjectionHost(
            Pool pool,
            ProjectionConfig config,
            DedicatedConnections connections,
            Instance<Projection> projections,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        this.config = config;
        for (Projection projection : projections) {
            runners.put(
                    projection.name(),
                    new ProjectionRunner(
                            projection,
                            pool,
                            connections.leaderLock("projection:" + projection.name()),
                            config.settings(kafkaSettings)));
        }
    }

    /** Creates every projection's tables and, unless {@code csp.projection.enabled=false}, starts consuming. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (ProjectionRunner runner : runners.values()) {
            if (config.enabled()) {
                runner.start();
            } else {
                runner.createTables();
            }
        }
        if (!runners.isEmpty()) {
            LOG.infof(
                    "Projections %s %s",
                    runners.keySet(), config.enabled() ? "started" : "not consuming (csp.projection.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        runners.values().forEach(ProjectionRunner::stop);
    }

    /** The projection {@code name}; a 404 problem when this application has none of that name. */
    public ProjectionRunner runner(String name) {
        ProjectionRunner runner = runners.get(name);
        if (runner == null) {
            throw ProblemException.notFound("Projection", name);
        }
        return runner;
    }

    public List<ProjectionRunner> runners() {
        return List.copyOf(runners.values());
    }

    /** Each projection running here (leader or standby), or all of them when they are not meant to consume. */
    public boolean running() {
        return !config.enabled() || runners.values().stream().allMatch(ProjectionRunner::alive);
    }

    public Uni<List<ProjectionStatus>> status() {
        return Multi.createFrom()
                .iterable(runners.values())
                .onItem()
                .transformToUniAndConcatenate(ProjectionRunner::status)
                .collect()
                .asList();
    }
}
