package org.csp.gateway.projection;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import io.smallrye.health.api.Wellness;


/**
 * Health of the projections. Readiness: up while the projection runs here, as leader or standby (reads are served
 * either way). Wellness ({@code /q/health/well}): down while a projection has parked records, a gap that persists,
 * or a failed latest rebuild: something for a person to look at; the details name it.
 */
@ApplicationScoped
public class ProjectionHealth {

    private final Projections projections;
    private final ProjectionConfig config;

    public ProjectionHealth(Projections projections, ProjectionConfig config) {
        this.projections = projections;
        this.config = config;
    }

    @Readiness
    @ApplicationScoped
    static class Running implements AsyncHealthCheck {
        private final ProjectionHealth health;

        Running(ProjectionHealth health) {
            this.health = health;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return health.report("projections", true);
        }
    }

    @Wellness
    @ApplicationScoped
    static class Problems implements AsyncHealthCheck {
        private final ProjectionHealth health;

        Problems(ProjectionHealth health) {
            this.health = health;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return health.report("projection-problems", false);
        }
    }

    Uni<HealthCheckResponse> report(String name, boolean readiness) {
        boolean running = !config.enabled() || projections.runners().stream().allMatch(ProjectionRunner::alive);
        return projections.status().map(statuses -> {
            boolean problems = false;
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
            for (ProjectionStatus status : statuses) {
                String p = status.projection() + ".";
                builder.withData(p + "role", status.role()).withData(p + "appliedSinceStart", status.appliedSinceStart());
                if (status.lastError() != null) {
                    builder.withData(p + "lastError", status.lastError());
                }
                ProjectionStatus.Generation live = status.live();
                if (live != null) {
                    long persistentGaps = live.gaps().stream().filter(ProjectionStatus.Gap::persistent).count();
                    builder.withData(p + "liveGeneration", live.generation()).withData(p + "lag", live.lag())
                            .withData(p + "parked", live.parkedCount()).withData(p + "gaps", live.gaps().size());
                    problems |= live.parkedCount() > 0 || persistentGaps > 0;
                }
                ProjectionStatus.Generation rebuild = status.rebuild();
                if (rebuild != null) {
                    builder.withData(p + "rebuild", rebuild.generation() + " " + rebuild.state()
                            + (rebuild.error() == null ? "" : ": " + rebuild.error()));
                    problems |= rebuild.state().equals("failed");
                }
            }
            return builder.status(readiness ? running : !problems).build();
        }).onFailure().recoverWithItem(e -> HealthCheckResponse.named(name).down()
                .withData("error", "the projection state cannot be read: " + e.getMessage()).build());
    }
}
