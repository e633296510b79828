package org.csp.eventsourcing.leadership;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one job (a relay, a projection) on a thread of its own, as leader while this instance holds the job's
 * {@link LeaderLock} and as standby otherwise: the thread, the lock and the rules of both in one place.
 *
 * <ul>
 * <li><b>A standby</b> tries for the lock every {@link Timing#standbyRetry()}.</li>
 * <li><b>A failed round</b> is retried after a backoff that doubles up to {@link Timing#maxBackoff()}; unless the job
 * says its database connection is fine ({@link Job#recover}), leadership is given up first, so that the checkpoint
 * or offsets are read again by whoever leads next.</li>
 * <li><b>A thread that ends for any reason</b> (stopped, or an {@link Error} thrown by the job) releases the lock in a
 * {@code finally}: a standby takes over at its next try, and {@link #running()} is false, so readiness goes down.</li>
 * <li><b>A leader that stalls</b> (no round finished, and no {@link #beat()}, for the lock's
 * {@link LeaderLock#stallLimit()}) is found by a watchdog on another thread, which closes the lock's session (the
 * server releases the lock at once and the hung thread can write nothing more), wakes and interrupts the thread and
 * reports the worker not running until its loop comes back. A leader whose host or network is lost is ended by the
 * server instead ({@link LeaderLock#sessionSettings}).</li>
 * </ul>
 */
public final class LeaderWorker {

    private static final Logger LOG = Logger.getLogger(LeaderWorker.class);

    /** One daemon thread checks every worker of the process; a check takes microseconds. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("leader-watchdog").daemon().factory());

    /** What this instance is doing for the job. */
    public enum Role {
        STARTING,
        STANDBY,
        LEADER,
        /** Was the leader, made no progress for the stall limit and gave leadership up; running again once it does. */
        STALLED,
        /** The thread ended with a failure (an {@link Error}): nothing runs here until a restart. */
        FAILED,
        STOPPED
    }

    /** What the worker runs. Every method is called on the worker's thread but {@link #wake()}. */
    public interface Job {

        /** This instance just became the leader: read what leading needs (a checkpoint, the consumers). */
        void lead() throws Exception;

        /** One round as leader, returning within a poll, a wait or a batch. */
        void step() throws Exception;

        /**
         * After a failed round: closes what the failure may have broken and says whether leadership can be kept
         * (true only when the lock's connection is known to be fine, e.g. Kafka failed a send).
         */
        default boolean recover(Exception failure) {
            return false;
        }

        /** Leadership ended (given up, lost, or the worker stops or failed): closes what {@link #lead()} opened. */
        void stepDown();

        /** Each time a standby has tried for the lock and not got it. */
        default void standingBy() {}

        /** Wakes a round that waits (called from another thread when the worker stops or stalls). */
        default void wake() {}
    }

    /** How often a standby tries for the lock, and the backoff after failed rounds. */
    public record Timing(Duration standbyRetry, Duration initialBackoff, Duration maxBackoff) {}

    private final String name;
    private final LeaderLock lock;
    private final Timing timing;
    private final Job job;
    private volatile boolean running;
    private volatile boolean stalled;
    private volatile long lastProgress = System.nanoTime();
    private volatile Role role = Role.STARTING;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile String failure;
    private Thread thread;
    private ScheduledFuture<?> watchdog;

    public LeaderWorker(String name, LeaderLock lock, Timing timing, Job job) {
        this.name = name;
        this.lock = lock;
        this.timing = timing;
        this.job = job;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stalled = false;
        failure = null;
        lastProgress = System.nanoTime();
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
        long period = Math.max(50, Math.min(1000, lock.stallLimit().toMillis() / 4));
        watchdog = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread (waiting up to {@code wait} for it) and gives leadership up. */
    public synchronized void stop(Duration wait) {
        running = false;
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (thread != null) {
            job.wake();
            thread.interrupt();
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        lock.release();
    }

    /** Running here, as leader or standby: started, its thread alive and not stalled. Readiness follows this. */
    public boolean running() {
        Thread t = thread;
        return running && t != null && t.isAlive() && !stalled;
    }

    public Role role() {
        return role;
    }

    /** The last failed round's error (retried), or null. */
    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Why the worker is not running while it should (stalled, or ended by a failure), or null. */
    public String failure() {
        return failure;
    }

    /** The job is alive though a round takes long (a bounded wait for Kafka): no stall. */
    public void beat() {
        lastProgress = System.nanoTime();
        if (stalled) {
            stalled = false;
            failure = null;
            LOG.infof("%s makes progress again", name);
        }
    }

    private void run() {
        Duration backoff = timing.initialBackoff();
        boolean leading = false;
        try {
            while (running) {
                beat();
                try {
                    if (!lock.held()) {
                        if (leading) {
                            leading = false;
                            job.stepDown();
                        }
                        if (!lock.tryAcquire()) {
                            role = Role.STANDBY;
                            job.standingBy();
                            Thread.sleep(timing.standbyRetry().toMillis());
                            continue;
                        }
                        beat(); // connecting may have taken a while; the lock is fresh
                        leading = true;
                        job.lead();
                        role = Role.LEADER;
                        LOG.infof("%s is the leader", name);
                    }
                    job.step();
                    backoff = timing.initialBackoff();
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    Thread.interrupted(); // an interrupt from the watchdog has done its work
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    lastErrorAt = Instant.now();
                    LOG.warnf("%s failed, retrying in %d ms: %s", name, backoff.toMillis(), lastError);
                    if (!leading || !job.recover(e) || !lock.held()) {
                        if (leading) {
                            leading = false;
                            job.stepDown();
                        }
                        lock.release();
                        role = Role.STANDBY;
                    }
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException interrupted) {
                        if (!running) {
                            break;
                        }
                    }
                    backoff = backoff.multipliedBy(2).compareTo(timing.maxBackoff()) > 0
                            ? timing.maxBackoff()
                            : backoff.multipliedBy(2);
                }
            }
        } catch (Throwable t) {
            failure = "the thread ended: " + t;
            LOG.errorf(t, "%s ended; leadership released, nothing runs here until a restart", name);
            role = Role.FAILED;
        } finally {
            if (leading) {
                try {
                    job.stepDown();
                } catch (RuntimeException e) {
                    LOG.warnf("%s: stepping down failed: %s", name, e.getMessage());
                }
            }
            lock.release();
            if (role != Role.FAILED) {
                role = Role.STOPPED;
            }
        }
    }

    /** The watchdog's check: a leader whose loop made no progress for the stall limit gives leadership up. */
    private void check() {
        long idle = System.nanoTime() - lastProgress;
        if (stalled || !lock.held() || idle < lock.stallLimit().toNanos()) {
            return;
        }
        stalled = true;
        role = Role.STALLED;
        failure = "the leader made no progress for " + Duration.ofNanos(idle).toSeconds()
                + " s: its session was closed, so that a standby takes over";
        LOG.errorf("%s: %s", name, failure);
        lock.abandon();
        job.wake();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
