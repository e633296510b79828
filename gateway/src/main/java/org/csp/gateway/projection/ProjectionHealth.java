package org.csp.gateway.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the projection thread is consuming; the last error, if any, is shown but does not make it unready. */
@Readiness
@ApplicationScoped
public class ProjectionHealth implements HealthCheck {

    private final ProjectionConsumer consumer;

    public ProjectionHealth(ProjectionConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("quarterly-projection").status(consumer.running())
                .withData("appliedSinceStart", consumer.appliedCount());
        if (consumer.lastApplied() != null) {
            builder.withData("lastApplied", consumer.lastApplied().toString());
        }
        if (consumer.lastError() != null) {
            builder.withData("lastError", consumer.lastError());
        }
        return builder.build();
    }
}
