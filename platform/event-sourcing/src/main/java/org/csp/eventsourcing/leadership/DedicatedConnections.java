package org.csp.eventsourcing.leadership;

import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections outside the pool, to the service's own database as configured for the pool
 * ({@code quarkus.datasource.reactive.url}, {@code username}, {@code password}): for leader locks, with the stall limit
 * of {@link LeadershipConfig}.
 */
@ApplicationScoped
public class DedicatedConnections {

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration stallLimit;

    public DedicatedConnections(
            Vertx vertx,
            LeadershipConfig leadership,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        PgConnectOptions parsed = PgConnectOptions.fromUri(
                url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        username.ifPresent(parsed::setUser);
        password.filter(p -> !p.isEmpty()).ifPresent(parsed::setPassword);
        this.options = parsed;
        this.stallLimit = leadership.stallLimit();
    }

    public LeaderLock leaderLock(String name) {
        return new LeaderLock(vertx, options, name, stallLimit);
    }
}
