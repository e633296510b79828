package org.csp.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.csp.web.TestDatabase;
import org.junit.jupiter.api.Test;

/** The sessions' tokens in a real PostgreSQL: kept under a random id, gone once deleted or expired. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class SessionStoreTest {

    @Inject
    SessionStore sessions;

    private final SessionStore.Tokens tokens =
            new SessionStore.Tokens("id.token", "access.token", "refresh.token", 300L);

    @Test
    void tokens_are_found_by_the_sessions_id_until_it_is_deleted() {
        String id = sessions.save(tokens, Instant.now().plusSeconds(60)).await().indefinitely();
        assertEquals(43, id.length());
        assertEquals(Optional.of(tokens), sessions.find(id).await().indefinitely());
        sessions.delete(id).await().indefinitely();
        assertEquals(Optional.empty(), sessions.find(id).await().indefinitely());
    }

    @Test
    void every_session_has_its_own_id() {
        Instant later = Instant.now().plusSeconds(60);
        assertNotEquals(
                sessions.save(tokens, later).await().indefinitely(),
                sessions.save(tokens, later).await().indefinitely());
    }

    @Test
    void an_expired_session_or_an_unknown_id_finds_nothing() {
        String id = sessions.save(tokens, Instant.now().minusSeconds(1)).await().indefinitely();
        assertTrue(sessions.find(id).await().indefinitely().isEmpty());
        assertTrue(sessions.find("no-such-session").await().indefinitely().isEmpty());
    }
}
