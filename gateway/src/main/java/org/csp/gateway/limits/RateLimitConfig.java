package org.csp.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The gateway's rate limits ({@code csp.gateway.rate-limit.*}): each a token bucket of {@code requests} refilled
 * evenly over {@code period}, so a caller may send that many at once and then that many per period. The defaults and
 * why: docs/architecture.md (Security).
 */
@ConfigMapping(prefix = "csp.gateway.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * A caller's requests with a token, counted by the token's client ({@code azp}) and subject: each person signed in
     * through {@code csp-web} or {@code csp-cli} has a limit of their own, each machine client one. Above what one
     * caller gets from a gateway of this size: {@code bench/ingest} sends about 31 requests a second, tests and view
     * benchmarks a few hundred.
     */
    @WithDefault("2000")
    long clientRequests();

    @WithDefault("1s")
    Duration clientPeriod();

    /** Requests with no token (the public endpoints), counted by the remote address. */
    @WithDefault("300")
    long anonymousRequests();

    @WithDefault("1m")
    Duration anonymousPeriod();

    /** The most callers kept track of at once; the least recently seen are forgotten first. */
    @WithDefault("100000")
    long trackedCallers();
}
