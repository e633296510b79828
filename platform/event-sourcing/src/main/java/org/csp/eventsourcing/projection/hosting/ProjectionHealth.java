package org.csp.eventsourcing.projection.hosting;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the hosted projections, each named in the data ({@code quarterly.role}, {@code derived.parked} …).
 * Readiness ({@code projections}): up while every projection runs here, as leader or standby (reads are served
 * either way). Wellness ({@code /q/health/well}, {@code projection-problems}): down while a projection has parked
 * records, a gap that persists, or a failed latest rebuild: something for a person to look at.
 */
final class ProjectionHealth {

    static final String READINESS = "projections";
    static final String WELLNESS = "projection-problems";

    private ProjectionHealth() {}

    /** The two checks: both report the hosted projections' status, readiness whether they run, wellness problems. */
    @Dependent
    static class Checks {

        @Produces
        @Readiness
        @ApplicationScoped
        AsyncHealthCheck running(ProjectionHost host) {
            return () -> report(host, true);
        }

        @Produces
        @Wellness
        @ApplicationScoped
        AsyncHealthCheck problems(ProjectionHost host) {
            return () -> report(host, false);
        }
    }

    static Uni<HealthCheckResponse> report(ProjectionHost host, boolean readiness) {
        String name = readiness ? READINESS : WELLNESS;
        boolean running = host.running();
        return host.status()
                .map(statuses -> {
                    boolean problems = false;
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
                    for (ProjectionStatus status : statuses) {
                        String p = status.projection() + ".";
                        builder.withData(p + "role", status.role())
                                .withData(p + "appliedSinceStart", status.appliedSinceStart());
                        if (status.lastError() != null) {
                            builder.withData(p + "lastError", status.lastError());
                        }
                        ProjectionStatus.Generation live = status.live();
                        if (live != null) {
                            long persistentGaps = live.gaps().stream()
                                    .filter(ProjectionStatus.Gap::persistent)
                                    .count();
                            builder.withData(p + "liveGeneration", live.generation())
                                    .withData(p + "lag", live.lag())
                                    .withData(p + "parked", live.parkedCount())
                                    .withData(p + "gaps", live.gaps().size());
                            problems |= live.parkedCount() > 0 || persistentGaps > 0;
                        }
                        ProjectionStatus.Generation rebuild = status.rebuild();
                        if (rebuild != null) {
                            builder.withData(
                                    p + "rebuild",
                                    rebuild.generation() + " " + rebuild.state()
                                            + (rebuild.error() == null ? "" : ": " + rebuild.error()));
                            problems |= rebuild.state().equals("failed");
                        }
                    }
                    return builder.status(readiness ? running : !problems).build();
                })
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named(name)
                        .down()
                        .withData("error", "the projection state cannot be read: " + e.getMessage())
                        .build());
    }
}
