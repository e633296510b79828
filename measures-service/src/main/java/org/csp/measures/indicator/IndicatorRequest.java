package org.csp.measures.indicator;

import static org.csp.measures.indicator.IndicatorDefinitions.MAX_CODE;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_DESCRIPTION;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_DISCLOSURE_THRESHOLD;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_PRIORITY;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_SOURCE;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_SOURCES;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_TARGETS;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_TITLE;
import static org.csp.measures.indicator.IndicatorDefinitions.MAX_TOLERANCE;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator as the API takes it ({@code POST /api/indicators}, and what a {@code PATCH} merge patch applies to).
 * Optional fields take the catalogue's defaults; see {@link IndicatorDefinitions}.
 */
public record IndicatorRequest(
        @Schema(maxLength = MAX_CODE, description = "An upper-case code such as ASB-INCIDENTS")
        String code,

        @Schema(maxLength = MAX_TITLE) String title,
        @Schema(maxLength = MAX_DESCRIPTION) String description,

        @Schema(
                minimum = "1",
                maximum = "" + MAX_PRIORITY,
                description =
                        "The number of a priority of the plan; absent for an indicator of the county core set that no"
                                + " priority of the plan names")
        Integer priority,

        @Schema(maxLength = Coded.MAX_LENGTH) String unit,
        @Schema(maxLength = Coded.MAX_LENGTH) String frequency,
        @Schema(maxLength = Coded.MAX_LENGTH) String aggregation,
        @Schema(maxLength = Coded.MAX_LENGTH) String polarity,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Source.class,
                maxItems = MAX_SOURCES,
                description = "The source organisations, at most " + MAX_SOURCES)
        List<String> sources,

        @Schema(
                maxLength = Coded.MAX_LENGTH,
                description = IndicatorDefinitions.SAME_PERIOD_PREVIOUS_YEAR + " or a period such as 2022/23")
        String baseline,

        @Schema(
                maxProperties = MAX_TARGETS,
                additionalProperties = Figures.Figure.class,
                propertyNames = Year.class,
                description = "Targets by financial year (\"2024/25\"), at most " + MAX_TARGETS)
        Map<String, BigDecimal> targets,

        @Schema(
                minimum = "0",
                maximum = MAX_TOLERANCE,
                description = "A percentage with at most " + Figures.MAX_DECIMALS + " decimal places")
        BigDecimal tolerance,

        @Schema(
                minimum = "0",
                maximum = "" + MAX_DISCLOSURE_THRESHOLD,
                description = "The smallest count the public figures show: counts from 1 to one less are suppressed;"
                        + " never below 10 (ONS practice: 1 to 9 are always suppressed)")
        Integer disclosureThreshold,

        @JsonProperty("public")
        @Schema(
                description = "Whether the public figures (no login) show this indicator's counts, suppressed;"
                        + " absent: false")
        Boolean isPublic,

        @Schema(maxLength = Coded.MAX_LENGTH) String geographyLevel,
        @Schema(maxLength = Coded.MAX_LENGTH) String derivedFrom) {

    /** A source organisation's id as the OpenAPI document shows it. */
    @Schema(name = "SourceOrganisation", type = SchemaType.STRING, maxLength = MAX_SOURCE)
    public interface Source {}

    /** A financial year as the OpenAPI document shows it. */
    @Schema(name = "FinancialYear", type = SchemaType.STRING, maxLength = ReportingPeriod.MAX_LENGTH)
    public interface Year {}
}
