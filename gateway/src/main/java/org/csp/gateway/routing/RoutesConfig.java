package org.csp.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The services behind the gateway and how the gateway reaches them. */
@ConfigMapping(prefix = "csp.gateway.routes")
public interface RoutesConfig {

    /** plan-service's origin, e.g. {@code http://127.0.0.1:8081}. */
    String plan();

    String measures();

    String engagement();

    /**
     * How long a service may be silent once the request is sent (no byte of its answer) before the client gets a 504
     * problem; the request may or may not have been stored.
     */
    @WithDefault("30s")
    Duration timeout();

    /**
     * How long a request may wait for a connection to its service (a pooled one, or a new one opened) before the client
     * gets a 503 problem: nothing was sent, so nothing was stored.
     */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Keep-alive connections per service and event loop (each loop forwards over its own), reused from request to
     * request. The benchmarks' loads (8 clients through one gateway) keep well under it; a request finding them all
     * busy waits in the queue.
     */
    @WithDefault("64")
    int poolSize();

    /** Requests that may wait for a connection to one service; past it a request gets a 503 problem at once. */
    @WithDefault("1024")
    int waitQueue();
}
