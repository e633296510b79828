package org.csp.measures.seed;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The indicator files loaded at start-up. */
@ConfigMapping(prefix = "csp.seed")
public interface IndicatorSeedConfig {

    /** Class-path resources of the indicator files, one per partnership ({@code seed/stroud-indicators.json}). */
    List<String> indicators();
}
