package org.csp.eventsourcing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.csp.eventsourcing.relay.OutboxRelay;

/**
 * Start-up order of an event-sourced service: event table, then the service's own tables and seed data
 * ({@link EventStoreReady}), then the relay. Active where {@code csp.event-store.enabled=true} (the three services).
 */
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
@ApplicationScoped
public class EventStoreLifecycle {

    private final EventStore store;
    private final OutboxRelay relay;
    private final Event<EventStoreReady> ready;

    public EventStoreLifecycle(EventStore store, OutboxRelay relay, Event<EventStoreReady> ready) {
        this.store = store;
        this.relay = relay;
        this.ready = ready;
    }

    void onStart(@Observes StartupEvent event) {
        store.createTables().await().atMost(Duration.ofMinutes(1));
        ready.fire(new EventStoreReady(store));
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
    }
}
