package org.csp.deploy;

import java.nio.file.Path;
import java.util.UUID;

/** A whole local stack for one test class: free ports, and a data folder of its own under {@code csp.stack.data}. */
final class TestStacks {

    private TestStacks() {}

    static LocalStack start() {
        Path data = Path.of(
                System.getProperty("csp.stack.data", "target/e2e"),
                UUID.randomUUID().toString());
        return LocalStack.start(LocalStack.Settings.ephemeral(data));
    }
}
