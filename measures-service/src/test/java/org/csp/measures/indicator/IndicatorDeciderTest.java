package org.csp.measures.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.csp.eventsourcing.CommandRejected;
import org.csp.measures.indicator.IndicatorCommand.AmendIndicator;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorEvent.IndicatorAmended;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefined;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class IndicatorDeciderTest {

    static final IndicatorDefinition ASB = new IndicatorDefinition(
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
            5,
            "ward",
            null);
    static final IndicatorDefinition ASB_WITH_TARGET = new IndicatorDefinition(
            "Recorded ASB incidents",
            "…",
            1,
            "count",
            "monthly",
            "sum",
            "lower-is-better",
            List.of("gloucestershire-constabulary", "stroud-district-council"),
            "same-period-previous-year",
            Map.of("2024/25", BigDecimal.valueOf(1200)),
            BigDecimal.valueOf(5),
            5,
            "ward",
            null);
    static final IndicatorDefined ASB_DEFINED = new IndicatorDefined("ASB-INCIDENTS", ASB);
    static final IndicatorAmended ASB_AMENDED = new IndicatorAmended("ASB-INCIDENTS", ASB_WITH_TARGET);

    private static final DeciderSpec<IndicatorCommand, IndicatorEvent, Indicator> INDICATOR =
            DeciderSpec.of(Indicator.DECIDER);

    @Test
    void definingANewIndicatorRecordsIt() {
        INDICATOR.given().when(new DefineIndicator("ASB-INCIDENTS", ASB, false)).then(ASB_DEFINED);
    }

    @Test
    void theCatalogueFileNeverRedefinesAnIndicatorTheCoordinatorMayHaveAmended() {
        INDICATOR
                .given(ASB_DEFINED, ASB_AMENDED)
                .when(new DefineIndicator("ASB-INCIDENTS", ASB, true))
                .thenNothing();
    }

    @Test
    void theApiRefusesToDefineATakenCodeDifferently() {
        INDICATOR
                .given(ASB_DEFINED)
                .when(new DefineIndicator("ASB-INCIDENTS", ASB_WITH_TARGET, false))
                .thenRejected("already-defined");
        INDICATOR
                .given(ASB_DEFINED)
                .when(new DefineIndicator("ASB-INCIDENTS", ASB, false))
                .thenNothing();
    }

    @Test
    void anAmendmentRecordsTheWholeNewDefinitionAndTheSameOneChangesNothing() {
        INDICATOR
                .given(ASB_DEFINED)
                .when(new AmendIndicator("ASB-INCIDENTS", ASB_WITH_TARGET))
                .then(ASB_AMENDED);
        INDICATOR
                .given(ASB_DEFINED, ASB_AMENDED)
                .when(new AmendIndicator("ASB-INCIDENTS", ASB_WITH_TARGET))
                .thenNothing();
        INDICATOR.given().when(new AmendIndicator("ASB-INCIDENTS", ASB)).thenRejected(CommandRejected.NOT_DEFINED);
    }

    @Test
    void theStateIsTheLatestDefinition() {
        INDICATOR.given(ASB_DEFINED, ASB_AMENDED).thenState(state -> assertEquals(ASB_WITH_TARGET, state.definition()));
    }
}
