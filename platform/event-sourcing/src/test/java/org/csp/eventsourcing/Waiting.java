package org.csp.eventsourcing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The kernel tests' wait for what relays, runners and workers do in the background. */
public final class Waiting {

    private Waiting() {}

    /**
     * Returns as soon as {@code condition} holds, asking every {@code step}; after {@code timeout} the test fails with
     * "Timed out waiting: " and {@code what} (taken then, so that it may say how things stand).
     */
    public static void until(Duration timeout, Duration step, BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(step.toMillis());
        }
        fail("Timed out waiting: " + what.get());
    }
}
