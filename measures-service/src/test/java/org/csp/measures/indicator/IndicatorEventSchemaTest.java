package org.csp.measures.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** Every stored indicator event type keeps the shape of its approved JSON in the event contracts ({@code platform/event-contracts}). */
class IndicatorEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(IndicatorEvent.TYPES);
    }

    @Test
    void definedV2() {
        PinnedJson.assertMatches(
                IndicatorEvent.TYPES, "measures.indicator.defined.v2", IndicatorDeciderTest.ASB_DEFINED);
    }

    @Test
    void amendedV1() {
        PinnedJson.assertMatches(
                IndicatorEvent.TYPES, "measures.indicator.amended.v1", IndicatorDeciderTest.ASB_AMENDED);
    }

    /** The first definitions, flat and without roll-up, targets or level, read as v2 with the catalogue's defaults. */
    @Test
    void definedV1IsReadAsV2() {
        PinnedJson.assertUpcasts(
                IndicatorEvent.TYPES,
                "measures.indicator.defined.v1",
                new IndicatorDefined(
                        "ASB-INCIDENTS",
                        new IndicatorDefinition(
                                "Recorded ASB incidents",
                                "…",
                                1,
                                "count",
                                "monthly",
                                "sum",
                                "lower-is-better",
                                List.of("gloucestershire-constabulary", "stroud-district-council"),
                                "same-period-previous-year",
                                Map.of(),
                                BigDecimal.valueOf(5),
                                null,
                                "district",
                                null)));
    }
}
