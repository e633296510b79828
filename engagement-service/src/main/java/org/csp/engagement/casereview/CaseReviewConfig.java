package org.csp.engagement.casereview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;

/** The retention policy of case-review free text. */
@ConfigMapping(prefix = "csp.case-reviews")
public interface CaseReviewConfig {

    /**
     * How long after a case review is closed its free text (threshold reason, recommendations, outcome summary) is
     * kept; then its key is destroyed. Dates, decision, outcome and counts stay.
     */
    @WithDefault("P3Y")
    Period retention();

    /** How often the policy runs (it also runs at start and on {@code POST /api/case-reviews/retention}). */
    @WithDefault("24H")
    Duration retentionCheck();
}
