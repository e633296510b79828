package org.csp.measures.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An indicator as the API takes it ({@code POST /api/indicators}, and what a {@code PATCH} merge patch applies to).
 * Optional fields take the catalogue's defaults; see {@link IndicatorDefinitions}.
 */
public record IndicatorRequest(
        String code,
        String title,
        String description,
        Integer priority,
        String unit,
        String frequency,
        String aggregation,
        String polarity,
        List<String> sources,
        String baseline,
        Map<String, BigDecimal> targets,
        BigDecimal tolerance,
        Integer disclosureThreshold,
        String geographyLevel,
        String derivedFrom) {}
