package org.csp.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Base URLs of the services behind the gateway. */
@ConfigMapping(prefix = "csp.gateway.routes")
public interface RoutesConfig {

    String plan();

    String measures();

    String engagement();

    @WithDefault("30s")
    Duration timeout();
}
