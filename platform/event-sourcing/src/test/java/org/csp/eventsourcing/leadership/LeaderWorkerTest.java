package org.csp.eventsourcing.leadership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.csp.eventsourcing.KernelServers;
import org.csp.eventsourcing.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leadership that cannot hang, against a real PostgreSQL: a worker whose thread dies releases its lock, one whose loop
 * hangs gives it up to the watchdog, one whose session is cut is replaced; each time the standby takes over.
 */
class LeaderWorkerTest {

    /** Short, so that the test is quick; the mechanism is the same as with the default 20 s. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(1);

    private static final LeaderWorker.Timing TIMING =
            new LeaderWorker.Timing(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200));

    private final KernelServers.Database db = KernelServers.database();
    private final String job = "test-job-" + System.nanoTime();
    private final List<LeaderWorker> workers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        workers.forEach(w -> w.stop(Duration.ofSeconds(5)));
        db.pool().close().await().indefinitely();
    }

    /** A job that counts its rounds as leader; {@code trouble} decides what a round does once the first has run. */
    private final class Counting implements LeaderWorker.Job {
        final AtomicInteger rounds = new AtomicInteger();
        final Runnable trouble;
        /** Set: this instance cannot lead any more (as one that lost its network could not). */
        volatile boolean cutOff;

        Counting(Runnable trouble) {
            this.trouble = trouble;
        }

        @Override
        public void lead() {
            if (cutOff) {
                throw new IllegalStateException("cut off");
            }
        }

        @Override
        public void step() throws InterruptedException {
            if (rounds.incrementAndGet() > 1) {
                trouble.run();
            }
            Thread.sleep(20);
        }

        @Override
        public void stepDown() {}
    }

    @Test
    void aLeaderWhoseThreadDiesOfAnErrorReleasesItsLockAndIsNotReady() throws Exception {
        LeaderWorker dying = worker(new Counting(() -> {
            throw new OutOfMemoryError("injected");
        }));
        await(() -> dying.role() == LeaderWorker.Role.FAILED, "the thread ends with the error");
        assertFalse(dying.running(), "readiness goes down");
        assertNotNull(dying.failure());
        assertTrue(dying.failure().contains("OutOfMemoryError"), dying.failure());

        Counting healthy = new Counting(() -> {});
        LeaderWorker standby = worker(healthy);
        await(() -> standby.role() == LeaderWorker.Role.LEADER && healthy.rounds.get() > 1, "a second worker leads");
        assertTrue(standby.running());
    }

    @Test
    void aLeaderWhoseLoopHangsIsReplacedByTheStandby() throws Exception {
        Counting hanging = new Counting(this::hangIgnoringInterrupts);
        LeaderWorker leader = worker(hanging);
        await(() -> hanging.rounds.get() > 1, "the leader's loop hangs");
        Counting healthy = new Counting(() -> {});
        LeaderWorker standby = worker(healthy);

        await(() -> standby.role() == LeaderWorker.Role.LEADER && healthy.rounds.get() > 1, "the standby takes over");
        assertEquals(LeaderWorker.Role.STALLED, leader.role());
        assertFalse(leader.running(), "the hung instance is not ready");
        assertTrue(leader.failure().contains("no progress"), leader.failure());
        assertEquals(1, lockHolders(), "the hung leader's session is gone; only the new leader holds the lock");
    }

    @Test
    void aLeaderWhoseSessionIsCutIsReplacedByTheStandby() throws Exception {
        Counting first = new Counting(() -> {});
        LeaderWorker leader = worker(first);
        await(() -> leader.role() == LeaderWorker.Role.LEADER && first.rounds.get() > 1, "the first worker leads");
        Counting second = new Counting(() -> {});
        LeaderWorker standby = worker(second);
        await(() -> standby.role() == LeaderWorker.Role.STANDBY, "the second stands by");

        first.cutOff = true;
        int terminated = overLockHolders("count(pg_terminate_backend(a.pid))");
        assertEquals(1, terminated, "the leader's session is cut");

        await(() -> standby.role() == LeaderWorker.Role.LEADER && second.rounds.get() > 1, "the standby takes over");
        await(() -> leader.role() == LeaderWorker.Role.STANDBY, "the cut instance knows it no longer leads");
        assertTrue(leader.running(), "and stands by, ready");
        assertEquals(1, lockHolders());
    }

    private LeaderWorker worker(LeaderWorker.Job work) {
        LeaderWorker worker = new LeaderWorker(
                job, new LeaderLock(KernelServers.vertx(), db.options(), job, STALL_LIMIT), TIMING, work);
        workers.add(worker);
        worker.start();
        return worker;
    }

    /** Blocks for good, as a stuck call would: interrupts do not end it, only the test's clean-up does. */
    private void hangIgnoringInterrupts() {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException ignored) {
                // a stuck call does not answer interrupts either
            }
        }
    }

    /** Sessions holding the job's lock: at most one, ever. */
    private int lockHolders() {
        return overLockHolders("count(*)");
    }

    /** {@code aggregate} over the sessions ({@code a.pid}) that hold the job's lock. */
    private int overLockHolders(String aggregate) {
        return db.first(
                        "SELECT " + aggregate + "::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                                + " WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1",
                        "csp-leader " + job)
                .getInteger("n");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Waiting.until(Duration.ofSeconds(30), Duration.ofMillis(20), condition, () -> what);
    }
}
