package org.csp.measures.indicator;

import org.csp.eventsourcing.testing.DeciderSpec;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorDeciderTest {

    static final DefineIndicator DEFINE_ASB = new DefineIndicator("ASB-INCIDENTS", "Recorded ASB incidents", "…", 1,
            Unit.COUNT, Frequency.MONTHLY, Polarity.LOWER_IS_BETTER,
            List.of("gloucestershire-constabulary", "stroud-district-council"), "preceding year");
    static final IndicatorDefined ASB_DEFINED = new IndicatorDefined("ASB-INCIDENTS", "Recorded ASB incidents", "…", 1,
            "count", "monthly", "lower-is-better", List.of("gloucestershire-constabulary", "stroud-district-council"),
            "preceding year");

    private static final DeciderSpec<IndicatorCommand, IndicatorEvent, Indicator> INDICATOR = DeciderSpec.of(Indicator.DECIDER);

    @Test
    void definingANewIndicatorRecordsItWithItsCodes() {
        INDICATOR.given().when(DEFINE_ASB).then(ASB_DEFINED);
    }

    @Test
    void definingAgainChangesNothing() {
        INDICATOR.given(ASB_DEFINED).when(DEFINE_ASB).thenNothing();
    }

    @Test
    void theStateIsTheDefinition() {
        INDICATOR.given(ASB_DEFINED).thenState(state -> assertEquals(ASB_DEFINED, state.definition()));
    }
}
