package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.testing.DeciderSpec;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InitiativeDeciderTest {

    static final DefineInitiative DEFINE = new DefineInitiative("P1-03", 1, "Tackle ASB", "Mobile CCTV coverage",
            "Stroud District Council", LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31));
    static final InitiativeDefined DEFINED = new InitiativeDefined("P1-03", 1, "Tackle ASB", "Mobile CCTV coverage",
            "Stroud District Council", LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31));

    private static final DeciderSpec<InitiativeCommand, InitiativeEvent, Initiative> INITIATIVE = DeciderSpec.of(Initiative.DECIDER);

    private static UpdateProgress update(String quarter, ProgressStatus status, Rag rag, String commentary) {
        return new UpdateProgress("P1-03", FinancialQuarter.parse(quarter).orElseThrow(), status, rag, commentary);
    }

    @Test
    void definingANewInitiativeRecordsIt() {
        INITIATIVE.given().when(DEFINE).then(DEFINED);
    }

    @Test
    void definingAgainChangesNothing() {
        INITIATIVE.given(DEFINED).when(DEFINE).thenNothing();
    }

    @Test
    void progressIsRecordedForTheQuarter() {
        INITIATIVE.given(DEFINED)
                .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "CCTV deployed at 4 events"))
                .then(new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed at 4 events"));
    }

    @Test
    void theSameReportTwiceIsOneEvent() {
        INITIATIVE.given(DEFINED, new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok"))
                .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "ok"))
                .thenNothing();
    }

    @Test
    void aChangedReportForTheSameQuarterIsANewEvent() {
        INITIATIVE.given(DEFINED, new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok"))
                .when(update("2024/25 Q2", ProgressStatus.AT_RISK, Rag.AMBER, "funding late"))
                .then(new ProgressUpdated("P1-03", "2024/25 Q2", "at-risk", "amber", "funding late"));
    }

    @Test
    void aQuarterOutsideTheTimescaleIsRefused() {
        INITIATIVE.given(DEFINED).when(update("2026/27 Q1", ProgressStatus.ON_TRACK, Rag.GREEN, null)).thenInvalid("quarter");
    }

    @Test
    void anUndefinedInitiativeCannotReportProgress() {
        INITIATIVE.given().when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, null))
                .thenRejected("initiative-not-defined");
    }

    @Test
    void stateFoldsTheLatestReportPerQuarter() {
        var q2 = new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok");
        var q2again = new ProgressUpdated("P1-03", "2024/25 Q2", "at-risk", "amber", "late");
        INITIATIVE.given(DEFINED, q2, q2again)
                .thenState(state -> assertEquals(q2again, state.progressByQuarter().get("2024/25 Q2")));
    }
}
