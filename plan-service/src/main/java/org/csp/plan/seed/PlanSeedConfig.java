package org.csp.plan.seed;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The plan files loaded at start-up. */
@ConfigMapping(prefix = "csp.seed")
public interface PlanSeedConfig {

    /** Class-path resources of the plan files, one per partnership ({@code seed/stroud-district-2023-2026.json}). */
    List<String> plans();
}
