package org.csp.web.session;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-in people's tokens, kept in the web frontend's own database ({@code web}, table {@code web_session}):
 * the browser's session cookie holds only a session's id, 256 random bits, never a token. A session's row goes when
 * the person signs out, and expired rows whenever a session is made.
 */
@ApplicationScoped
public class SessionStore {

    /** The tokens of one session, as Keycloak issued (or last refreshed) them. */
    public record Tokens(String idToken, String accessToken, String refreshToken, Long accessTokenExpiresIn) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;

    public SessionStore(Pool pool) {
        this.pool = pool;
    }

    void createTable(@Observes StartupEvent start) {
        createTable().await().indefinitely();
    }

    public Uni<Void> createTable() {
        return pool.query("""
                        CREATE TABLE IF NOT EXISTS web_session (
                            id text PRIMARY KEY,
                            id_token text NOT NULL,
                            access_token text,
                            refresh_token text,
                            access_token_expires_in bigint,
                            expires_at timestamptz NOT NULL)""").execute().replaceWithVoid();
    }

    /** Keeps the tokens until {@code expiresAt}; the new session's id. */
    public Uni<String> save(Tokens tokens, Instant expiresAt) {
        String id = newId();
        return pool.withTransaction(sql -> sql.preparedQuery("DELETE FROM web_session WHERE expires_at < now()")
                        .execute()
                        .chain(() -> sql.preparedQuery(
                                        "INSERT INTO web_session (id, id_token, access_token, refresh_token,"
                                                + " access_token_expires_in, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
                                .execute(Tuple.from(new Object[] {
                                    id,
                                    tokens.idToken(),
                                    tokens.accessToken(),
                                    tokens.refreshToken(),
                                    tokens.accessTokenExpiresIn(),
                                    OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)
                                }))))
                .replaceWith(id);
    }

    /** The tokens of a session that has not expired; empty for any other id. */
    public Uni<Optional<Tokens>> find(String id) {
        return pool.preparedQuery("SELECT id_token, access_token, refresh_token, access_token_expires_in"
                        + " FROM web_session WHERE id = $1 AND expires_at >= now()")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Tokens(
                            row.getString("id_token"),
                            row.getString("access_token"),
                            row.getString("refresh_token"),
                            row.getLong("access_token_expires_in")));
                });
    }

    public Uni<Void> delete(String id) {
        return pool.preparedQuery("DELETE FROM web_session WHERE id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
