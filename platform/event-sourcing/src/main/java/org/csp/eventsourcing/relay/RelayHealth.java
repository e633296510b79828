package org.csp.eventsourcing.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The relay's health. Readiness ({@code outbox-relay}): up while the relay runs here, as leader or standby; down when
 * its thread ended or stalled (its lock is released then, so another instance publishes). Its data: the role, the last
 * published position (the stored checkpoint, whoever is the leader), the last committed position, the backlog between
 * them, the refused events not yet republished, the last error and why it stopped. Wellness ({@code /q/health/well},
 * {@code relay-problems}): down while an event Kafka refused is not republished: something for a person to fix.
 *
 * <p>A refused event leaves readiness up on purpose: readiness decides whether the instance gets requests, and the
 * service still stores every write durably and publishes every other event; taking it out of service would refuse
 * all writes for a problem that no restart fixes and that only an administrator can (see docs/runbook.md).
 */
final class RelayHealth {

    static final String READINESS = "outbox-relay";
    static final String WELLNESS = "relay-problems";

    private RelayHealth() {}

    @Readiness
    @IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
    @ApplicationScoped
    static class Running implements AsyncHealthCheck {
        private final OutboxRelay relay;
        private final Pool pool;

        Running(OutboxRelay relay, Pool pool) {
            this.relay = relay;
            this.pool = pool;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            RelayStatus status = relay.status();
            // Both read the primary-key index: the newest position, and only the positions not yet published.
            return relay.storedCheckpoint(pool)
                    .flatMap(published -> pool.preparedQuery("""
                            SELECT (SELECT coalesce(max(position), 0) FROM events) AS committed,
                                   (SELECT count(*) FROM events WHERE position > $1) AS backlog""")
                            .execute(Tuple.of(published))
                            .map(rows -> {
                                var row = rows.iterator().next();
                                HealthCheckResponseBuilder builder = HealthCheckResponse.named(READINESS)
                                        .status(relay.running())
                                        .withData("publishedPosition", published)
                                        .withData("committedPosition", row.getLong("committed"))
                                        .withData("backlog", row.getLong("backlog"));
                                return described(builder, status).build();
                            }))
                    .onFailure()
                    .recoverWithItem(e -> described(HealthCheckResponse.named(READINESS), status)
                            .down()
                            .withData("error", "the event store cannot be read: " + e.getMessage())
                            .build());
        }
    }

    @Wellness
    @IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
    @ApplicationScoped
    static class Problems implements AsyncHealthCheck {
        private final OutboxRelay relay;

        Problems(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return relay.refused()
                    .map(refused -> {
                        long unresolved = relay.status().refused(); // counted by refused()
                        HealthCheckResponseBuilder builder = HealthCheckResponse.named(WELLNESS)
                                .status(unresolved == 0)
                                .withData("topic", relay.topic())
                                .withData("refused", unresolved);
                        refused.stream()
                                .filter(r -> r.resolvedAt() == null)
                                .findFirst()
                                .ifPresent(r -> builder.withData(
                                        "latestRefused", r.position() + " " + r.type() + " of " + r.stream()));
                        return builder.build();
                    })
                    .onFailure()
                    .recoverWithItem(e -> HealthCheckResponse.named(WELLNESS)
                            .down()
                            .withData("error", "the refused events cannot be read: " + e.getMessage())
                            .build());
        }
    }

    private static HealthCheckResponseBuilder described(HealthCheckResponseBuilder builder, RelayStatus status) {
        builder.withData("topic", status.topic())
                .withData("role", status.role().name().toLowerCase())
                .withData("refused", status.refused());
        if (status.lastError() != null) {
            builder.withData("lastError", status.lastError())
                    .withData("lastErrorAt", status.lastErrorAt().toString());
        }
        if (status.failure() != null) {
            builder.withData("failure", status.failure());
        }
        return builder;
    }
}
