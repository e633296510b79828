package org.csp.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The web frontend's own settings ({@code csp.web.*}). */
@ConfigMapping(prefix = "csp.web")
public interface WebConfig {

    /** The gateway's address; the REST clients read it through {@code quarkus.rest-client.gateway.url}. */
    @WithDefault("http://127.0.0.1:8080")
    String gatewayUrl();

    /** Whether the synthetic demo data set is loaded: every page then says so in a banner. */
    @WithDefault("false")
    boolean demoData();

    /**
     * The quarter {@code /} shows ({@code 2024-25-Q2}); by default the latest quarter that has ended, in London.
     */
    Optional<String> latestQuarter();
}
