package org.csp.infrastructure;

import java.sql.Connection;
import java.time.Duration;

/** For tests that make requests race: waiting until they are all blocked in the database. */
public final class LockWaits {

    private LockWaits() {}

    /** Waits until {@code sessions} database sessions are blocked on a lock (an advisory lock or a row lock). */
    public static void await(Connection observer, int sessions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var waiting = observer.createStatement()
                    .executeQuery("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")) {
                waiting.next();
                if (waiting.getInt(1) >= sessions) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + sessions + " sessions ever waited for a lock");
    }
}
