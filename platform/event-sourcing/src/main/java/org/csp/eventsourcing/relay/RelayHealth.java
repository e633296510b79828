package org.csp.eventsourcing.relay;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes the relay: its role here (leader or standby), the last published position (the stored
 * checkpoint, whoever is the leader), the last committed position and the backlog between them, and the last
 * error. Down only when the relay stopped for good (a record Kafka refuses); a standby is ready.
 */
@Readiness
@IfBuildProperty(name = "csp.event-store.enabled", stringValue = "true")
@ApplicationScoped
public class RelayHealth implements AsyncHealthCheck {

    private final OutboxRelay relay;
    private final Pool pool;

    public RelayHealth(OutboxRelay relay, Pool pool) {
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
                            HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox-relay")
                                    .status(status.role() != RelayStatus.Role.FAILED
                                            && status.role() != RelayStatus.Role.STOPPED)
                                    .withData("topic", status.topic())
                                    .withData("role", status.role().name().toLowerCase())
                                    .withData("publishedPosition", published)
                                    .withData("committedPosition", row.getLong("committed"))
                                    .withData("backlog", row.getLong("backlog"));
                            if (status.lastError() != null) {
                                builder.withData("lastError", status.lastError())
                                        .withData(
                                                "lastErrorAt",
                                                status.lastErrorAt().toString());
                            }
                            if (status.failure() != null) {
                                builder.withData("failure", status.failure());
                            }
                            return builder.build();
                        }))
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("outbox-relay")
                        .down()
                        .withData("role", status.role().name().toLowerCase())
                        .withData("error", "the event store cannot be read: " + e.getMessage())
                        .build());
    }
}
