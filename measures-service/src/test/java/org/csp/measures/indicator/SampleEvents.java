package org.csp.measures.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.csp.measures.indicator.IndicatorEvent.IndicatorAmended;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/**
 * The indicator the decider and the pinned JSON tests share, recorded ASB incidents, in the definitions its events
 * carry: the pinned JSON files hold these, serialized.
 */
final class SampleEvents {

    static final IndicatorDefinition ASB = asb(Map.of(), 5, true, "ward");

    /** The same with a 2024/25 target. */
    static final IndicatorDefinition ASB_WITH_TARGET =
            asb(Map.of("2024/25", BigDecimal.valueOf(1200)), 5, true, "ward");

    /** As a definition of v2 reads: not public. */
    static final IndicatorDefinition ASB_AS_V2 = asb(Map.of(), 5, false, "ward");

    /** As an amendment of v1 reads: not public. */
    static final IndicatorDefinition ASB_WITH_TARGET_AS_V1 =
            asb(Map.of("2024/25", BigDecimal.valueOf(1200)), 5, false, "ward");

    /** As a first (v1) definition reads: no disclosure threshold, at district level, not public. */
    static final IndicatorDefinition ASB_AS_V1 = asb(Map.of(), null, false, "district");

    static final IndicatorDefined ASB_DEFINED = new IndicatorDefined("ASB-INCIDENTS", ASB);
    static final IndicatorAmended ASB_AMENDED = new IndicatorAmended("ASB-INCIDENTS", ASB_WITH_TARGET);

    private SampleEvents() {}

    private static IndicatorDefinition asb(
            Map<String, BigDecimal> targets, Integer disclosureThreshold, boolean isPublic, String geographyLevel) {
        return new IndicatorDefinition(
                "Recorded ASB incidents",
                "…",
                1,
                "count",
                "monthly",
                "sum",
                "lower-is-better",
                List.of("gloucestershire-constabulary", "stroud-district-council"),
                "same-period-previous-year",
                targets,
                BigDecimal.valueOf(5),
                disclosureThreshold,
                isPublic,
                geographyLevel,
                null);
    }
}
