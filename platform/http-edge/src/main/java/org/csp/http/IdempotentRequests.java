package org.csp.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key}: the first request with a key is claimed in its own transaction, before anything is decided,
 * and its answer stored with it when it commits. A repeat with the same key and the same request gets that answer
 * again and stores nothing; the same key with another request is a 409. A repeat that arrives while the first is still
 * running waits for it (the claim's row lock). Keys are scoped to the caller (client and subject).
 *
 * <p>A key is kept for {@code csp.idempotency.retention} (7 days unless configured) from its first use, then purged
 * (hourly, by every instance: a purge is idempotent). A key used again after that is a new key: its request is done
 * again, as if it had never been sent.
 */
@ApplicationScoped
public class IdempotentRequests {

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    /** At most this many expired keys are deleted by one statement, so that a purge never holds many locks long. */
    static final int PURGE_BATCH = 10_000;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS idempotent_request (
                client       text        NOT NULL,
                subject      text        NOT NULL,
                key          text        NOT NULL,
                request_hash text        NOT NULL,
                status       int,
                content_type text,
                location     text,
                body         text,
                created_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (client, subject, key)
            );
            ALTER TABLE idempotent_request ADD COLUMN IF NOT EXISTS etag text;
            CREATE INDEX IF NOT EXISTS idempotent_request_created ON idempotent_request (created_at)""";

    /** The answer a request got; {@code etag} the version it answered with, when it names one. */
    public record Answer(int status, String contentType, String location, String etag, String body) {

        public Answer(int status, String contentType, String location, String body) {
            this(status, contentType, location, null, body);
        }
    }

    private final Duration retention;
    private Pool pool;

    public IdempotentRequests(
            @ConfigProperty(name = "csp.idempotency.retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready, Vertx vertx) {
        pool = ready.store().pool();
        pool.query(DDL).execute().await().atMost(Duration.ofMinutes(1));
        vertx.setPeriodic(
                Duration.ofMinutes(1).toMillis(),
                Duration.ofHours(1).toMillis(),
                id -> purgeExpired()
                        .subscribe()
                        .with(
                                purged -> {
                                    if (purged > 0) {
                                        LOG.infof("Purged %d idempotency keys older than %s", purged, retention);
                                    }
                                },
                                failure -> LOG.warnf(
                                        "Purging expired idempotency keys failed: %s", failure.getMessage())));
    }

    /** How long a key is kept from its first use. */
    public Duration retention() {
        return retention;
    }

    /** Deletes the keys older than the retention period; the number deleted. */
    public Uni<Long> purgeExpired() {
        return pool.preparedQuery("""
                        DELETE FROM idempotent_request WHERE ctid IN (
                            SELECT ctid FROM idempotent_request WHERE created_at < now() - make_interval(secs => $1)
                            LIMIT $2)""")
                .execute(Tuple.of((double) retention.toSeconds(), PURGE_BATCH))
                .flatMap(rows -> rows.rowCount() == PURGE_BATCH
                        ? purgeExpired().map(more -> more + PURGE_BATCH)
                        : Uni.createFrom().item((long) rows.rowCount()));
    }

    /**
     * The answer as a response. A replay says so in {@code Idempotent-Replayed} and carries the first answer's body,
     * {@code Location} and {@code ETag}; a replayed 201 is a 200, since nothing was created this time.
     */
    public static Response response(Answer answer, boolean replayed) {
        int status = replayed && answer.status() == 201 ? 200 : answer.status();
        var response = Response.status(status).type(answer.contentType()).entity(answer.body());
        if (answer.location() != null) {
            response.header("Location", answer.location());
        }
        if (answer.etag() != null) {
            response.tag(answer.etag());
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** A fingerprint of what was asked: method, path, content type and body. */
    public static String hash(String method, String path, String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + "\n" + path + "\n" + (contentType == null ? "" : contentType) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A usable key: 1–200 printable ASCII characters; 400 otherwise. */
    public static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(
                    400,
                    "invalid-idempotency-key",
                    "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 200 printable ASCII characters without spaces, such as a UUID.");
        }
        return key;
    }

    /**
     * Claims {@code key} in the caller's transaction: empty when it is new or its first use has expired (the caller
     * goes on and {@link #complete}s it), the stored answer when the same request was answered before; 409 when the
     * key was used for another request.
     */
    public Uni<Optional<Answer>> claim(SqlClient tx, Actor actor, String key, String requestHash) {
        return tx.preparedQuery("""
                        INSERT INTO idempotent_request (client, subject, key, request_hash) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (client, subject, key) DO UPDATE SET
                            request_hash = excluded.request_hash, status = NULL, content_type = NULL, location = NULL,
                            etag = NULL, body = NULL, created_at = now()
                        WHERE idempotent_request.created_at < now() - make_interval(secs => $5)
                        RETURNING 1""")
                .execute(Tuple.of(client(actor), actor.subject(), key, requestHash, (double) retention.toSeconds()))
                .flatMap(inserted -> inserted.size() == 1
                        ? Uni.createFrom().item(Optional.<Answer>empty())
                        : tx.preparedQuery(
                                        "SELECT request_hash, status, content_type, location, etag, body FROM idempotent_request "
                                                + "WHERE client = $1 AND subject = $2 AND key = $3")
                                .execute(Tuple.of(client(actor), actor.subject(), key))
                                .map(rows -> {
                                    var row = rows.iterator().next();
                                    if (!row.getString("request_hash").equals(requestHash)) {
                                        throw new ProblemException(
                                                409,
                                                "idempotency-key-reused",
                                                "Idempotency-Key already used",
                                                "This Idempotency-Key was used for a different request; use a new key for new data.");
                                    }
                                    return Optional.of(new Answer(
                                            row.getInteger("status"),
                                            row.getString("content_type"),
                                            row.getString("location"),
                                            row.getString("etag"),
                                            row.getString("body")));
                                }));
    }

    /** Stores the answer with the claim, in the same transaction as the work. */
    public Uni<Void> complete(SqlClient tx, Actor actor, String key, Answer answer) {
        return tx.preparedQuery(
                        "UPDATE idempotent_request SET status = $4, content_type = $5, location = $6, etag = $7, body = $8 "
                                + "WHERE client = $1 AND subject = $2 AND key = $3")
                .execute(Tuple.tuple()
                        .addString(client(actor))
                        .addString(actor.subject())
                        .addString(key)
                        .addInteger(answer.status())
                        .addString(answer.contentType())
                        .addString(answer.location())
                        .addString(answer.etag())
                        .addString(answer.body()))
                .replaceWithVoid();
    }

    private static String client(Actor actor) {
        return actor.client() == null ? "" : actor.client();
    }
}
