package org.csp.gateway.county;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the county feed: one indicator at one place (a district, a ward or the county) for the quarter. Flat, so
 * that the JSON and the CSV carry the same fields; the CSV's columns are these, in this order, which is documented
 * (docs/county-feed.md) and kept: a new column is added at the end, never moved or renamed.
 *
 * <p>{@code figuresFrom}: at a district, "district", "wards" (its wards' figures rolled up), "district-and-wards" or
 * "none"; at the county "county", "districts", "county-and-districts" or "none"; at a ward, or for an indicator not
 * reported by ward, "own" or "none". {@code reviewState}: the partnership's quarterly review of the quarter,
 * "not-opened", "open" or "closed", with the priorities' reports submitted of those expected.
 */
@JsonPropertyOrder({
    "partnership",
    "partnershipName",
    "partnershipGss",
    "level",
    "geography",
    "geographyName",
    "indicator",
    "indicatorTitle",
    "unit",
    "polarity",
    "quarter",
    "period",
    "value",
    "comparisonPeriod",
    "sameQuarterLastYear",
    "change",
    "changePercent",
    "target",
    "rag",
    "direction",
    "periodsReported",
    "periodsExpected",
    "figuresFrom",
    "wardsReported",
    "wardsExpected",
    "districtsReported",
    "districtsExpected",
    "sourcesMissing",
    "familyGroupPeriod",
    "familyGroupValue",
    "familyGroupAverage",
    "familyGroupLower",
    "familyGroupUpper",
    "familyGroupRank",
    "familyGroupSize",
    "familyGroupPosition",
    "familyGroupReading",
    "reviewState",
    "reviewReportsSubmitted",
    "reviewReportsExpected",
    "reviewClosedAt"
})
public record FeedRow(
        String partnership,
        String partnershipName,
        String partnershipGss,
        String level,
        String geography,
        String geographyName,
        String indicator,
        String indicatorTitle,
        String unit,
        String polarity,
        String quarter,
        String period,
        BigDecimal value,
        String comparisonPeriod,
        BigDecimal sameQuarterLastYear,
        BigDecimal change,
        BigDecimal changePercent,
        BigDecimal target,
        String rag,
        String direction,
        Integer periodsReported,
        Integer periodsExpected,
        String figuresFrom,
        Integer wardsReported,
        Integer wardsExpected,
        Integer districtsReported,
        Integer districtsExpected,
        List<String> sourcesMissing,
        String familyGroupPeriod,
        BigDecimal familyGroupValue,
        BigDecimal familyGroupAverage,
        BigDecimal familyGroupLower,
        BigDecimal familyGroupUpper,
        Integer familyGroupRank,
        Integer familyGroupSize,
        String familyGroupPosition,
        String familyGroupReading,
        String reviewState,
        Integer reviewReportsSubmitted,
        Integer reviewReportsExpected,
        Instant reviewClosedAt,
        @JsonIgnore long changed) {}
