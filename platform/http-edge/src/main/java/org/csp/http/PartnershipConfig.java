package org.csp.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Which partnership a deployment serves when a request does not say. */
@ConfigMapping(prefix = "csp.partnership")
public interface PartnershipConfig {

    /** Partnership id used when a request has no {@code partnership} query parameter. */
    @WithName("default")
    @WithDefault("stroud")
    String defaultId();
}
