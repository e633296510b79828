package org.csp.eventsourcing.projection.hosting;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.EventStoreReady;

/**
 * When the hosted projections start: in an event-sourced service ({@code csp.event-store.enabled=true}) once its event
 * store is ready and its own tables and seed data are in (a projection may read them, as measures-service's reads its
 * indicator catalogue); elsewhere (the gateway) at start-up.
 */
final class ProjectionStart {

    private ProjectionStart() {}

    @IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
    @ApplicationScoped
    static class AfterEventStore {
        private final ProjectionHost host;

        AfterEventStore(ProjectionHost host) {
            this.host = host;
        }

        /** After the service's own observers of the event ({@code APPLICATION + n}), before the relay starts. */
        void onReady(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) EventStoreReady ready) {
            host.start();
        }
    }

    @UnlessBuildProperty(name = "csp.event-store.enabled", stringValue = "true", enableIfMissing = true)
    @ApplicationScoped
    static class AtStartup {
        private final ProjectionHost host;

        AtStartup(ProjectionHost host) {
            this.host = host;
        }

        void onStart(@Observes StartupEvent event) {
            host.start();
        }
    }
}
