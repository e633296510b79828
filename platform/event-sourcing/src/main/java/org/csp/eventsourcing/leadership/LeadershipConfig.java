package org.csp.eventsourcing.leadership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Leadership of the relay and the projections among instances ({@code csp.leadership.*}). */
@ConfigMapping(prefix = "csp.leadership")
public interface LeadershipConfig {

    /**
     * How long a leader's loop may make no progress before it gives leadership up, and so how long its session may go
     * unanswered before the server ends it ({@link LeaderLock#sessionSettings}). With the standby's retry (2 s), a
     * standby takes over from a leader that hangs or is cut off within about this limit and a few seconds.
     */
    @WithDefault("20s")
    Duration stallLimit();
}
