package org.csp.eventsourcing.relay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.csp.eventsourcing.StoredEvent;

/**
 * The events a relay could not publish because Kafka refused the record itself (too large, invalid), in
 * {@code relay_refused}: recorded by the leader as it moves its checkpoint past them, listed for the administrator
 * and resolved when republished. The number not yet resolved is kept here for the health checks and the gauge.
 */
final class RefusedEvents {

    private static final int LISTED = 500;

    private final String relay;
    private volatile long unresolved;

    RefusedEvents(String relay) {
        this.relay = relay;
    }

    /** Unresolved refused events, as last counted here. */
    long unresolved() {
        return unresolved;
    }

    /**
     * Records {@code event} as refused and moves the checkpoint to it, in one statement on the leader's connection:
     * the relay goes on after it, and the event is never forgotten.
     */
    Uni<Void> record(SqlClient leader, StoredEvent event, String reason) {
        return leader.preparedQuery("""
                        WITH refused AS (
                            INSERT INTO relay_refused (relay, position, stream_id, version, type, reason)
                            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (relay, position) DO NOTHING)
                        INSERT INTO relay_checkpoint (relay, position) VALUES ($1, $2)
                        ON CONFLICT (relay) DO UPDATE SET position = excluded.position, updated_at = now()
                        WHERE relay_checkpoint.position < excluded.position""")
                .execute(Tuple.tuple()
                        .addString(relay)
                        .addLong(event.position())
                        .addString(event.streamId())
                        .addLong(event.version())
                        .addString(event.type())
                        .addString(reason))
                .flatMap(ignored -> count(leader));
    }

    /** Counts the unresolved ones again (another instance may have republished one). */
    Uni<Void> count(SqlClient client) {
        return client.preparedQuery("SELECT count(*) AS n FROM relay_refused WHERE relay = $1 AND resolved_at IS NULL")
                .execute(Tuple.of(relay))
                .invoke(rows -> unresolved = rows.iterator().next().getLong("n"))
                .replaceWithVoid();
    }

    /** The latest refused events, unresolved first. */
    Uni<List<RefusedEvent>> list(SqlClient client) {
        return client.preparedQuery("""
                        SELECT * FROM relay_refused WHERE relay = $1
                         ORDER BY resolved_at IS NOT NULL, position DESC LIMIT $2""").execute(Tuple.of(relay, LISTED)).map(rows -> {
            List<RefusedEvent> list = new ArrayList<>();
            rows.forEach(row -> list.add(of(row)));
            return list;
        });
    }

    Uni<Optional<RefusedEvent>> find(SqlClient client, long position) {
        return client.preparedQuery("SELECT * FROM relay_refused WHERE relay = $1 AND position = $2")
                .execute(Tuple.of(relay, position))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(of(rows.iterator().next())));
    }

    /** Marks it resolved (once); false when it already was. */
    Uni<Boolean> resolve(SqlClient tx, long position) {
        return tx.preparedQuery("""
                        UPDATE relay_refused SET resolved_at = now()
                         WHERE relay = $1 AND position = $2 AND resolved_at IS NULL""").execute(Tuple.of(relay, position)).map(rows -> rows.rowCount() == 1);
    }

    /** Kafka refused it again: the latest reason replaces the first. */
    Uni<Void> refusedAgain(SqlClient client, long position, String reason) {
        return client.preparedQuery("UPDATE relay_refused SET reason = $3 WHERE relay = $1 AND position = $2")
                .execute(Tuple.of(relay, position, reason))
                .replaceWithVoid();
    }

    private static RefusedEvent of(Row row) {
        return new RefusedEvent(
                row.getLong("position"),
                row.getString("stream_id"),
                row.getLong("version"),
                row.getString("type"),
                row.getString("reason"),
                instant(row.getOffsetDateTime("refused_at")),
                instant(row.getOffsetDateTime("resolved_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
