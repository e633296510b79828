package org.csp.measures.indicator;

import static org.csp.measures.indicator.SampleEvents.ASB;
import static org.csp.measures.indicator.SampleEvents.ASB_AMENDED;
import static org.csp.measures.indicator.SampleEvents.ASB_DEFINED;
import static org.csp.measures.indicator.SampleEvents.ASB_WITH_TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.csp.eventsourcing.CommandRejected;
import org.csp.measures.indicator.IndicatorCommand.AmendIndicator;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class IndicatorDeciderTest {

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
