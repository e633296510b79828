package org.csp.infrastructure;

import java.util.Map;

/**
 * Whether a {@link LocalPostgres} keeps what it acknowledged through a crash of the machine. The embedded binaries
 * start PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}; only a test run may live with that.
 */
public enum Durability {

    /** fsync, synchronous_commit and full_page_writes on: a commit is on disk before it is acknowledged. For {@code ./deploy/run}. */
    DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),

    /** All three off: fast, and a power cut may lose or corrupt data. For tests, whose data is thrown away. */
    THROWAWAY(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

    private final Map<String, String> settings;

    Durability(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The server settings this choice stands for. */
    public Map<String, String> settings() {
        return settings;
    }

    /** "fsync=on, synchronous_commit=on, full_page_writes=on", for the log. */
    public String describe() {
        return "fsync=" + settings.get("fsync") + ", synchronous_commit=" + settings.get("synchronous_commit")
                + ", full_page_writes=" + settings.get("full_page_writes");
    }
}
