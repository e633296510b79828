package org.csp.plan.initiative;

import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.CommandRejected;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InitiativeDeciderTest {

    static final InitiativeDefined DEFINED = new InitiativeDefined("P1-03", 1, "Tackle ASB", "Mobile CCTV coverage",
            "Stroud District Council", LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31));

    private static List<InitiativeEvent> given(List<InitiativeEvent> history, InitiativeCommand command) {
        return Initiative.DECIDER.decide(command, Initiative.DECIDER.fold(history));
    }

    private static UpdateProgress update(String quarter, ProgressStatus status, Rag rag, String commentary) {
        return new UpdateProgress("P1-03", FinancialQuarter.parse(quarter).orElseThrow(), status, rag, commentary);
    }

    @Test
    void definingANewInitiativeRecordsIt() {
        assertEquals(List.of(DEFINED), given(List.of(), new DefineInitiative(DEFINED)));
    }

    @Test
    void definingAgainChangesNothing() {
        assertEquals(List.of(), given(List.of(DEFINED), new DefineInitiative(DEFINED)));
    }

    @Test
    void progressIsRecordedForTheQuarter() {
        assertEquals(List.of(new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed at 4 events")),
                given(List.of(DEFINED), update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "CCTV deployed at 4 events")));
    }

    @Test
    void theSameReportTwiceIsOneEvent() {
        var first = new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok");
        assertEquals(List.of(), given(List.of(DEFINED, first), update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "ok")));
    }

    @Test
    void aChangedReportForTheSameQuarterIsANewEvent() {
        var first = new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok");
        assertEquals(1, given(List.of(DEFINED, first), update("2024/25 Q2", ProgressStatus.AT_RISK, Rag.AMBER, "funding late")).size());
    }

    @Test
    void aQuarterOutsideTheTimescaleIsRefused() {
        var rejected = assertThrows(CommandRejected.class,
                () -> given(List.of(DEFINED), update("2026/27 Q1", ProgressStatus.ON_TRACK, Rag.GREEN, null)));
        assertEquals("quarter", rejected.field());
    }

    @Test
    void anUndefinedInitiativeCannotReportProgress() {
        var rejected = assertThrows(CommandRejected.class,
                () -> given(List.of(), update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, null)));
        assertEquals("initiative-not-defined", rejected.reason());
    }

    @Test
    void stateFoldsTheLatestReportPerQuarter() {
        var q2 = new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok");
        var q2again = new ProgressUpdated("P1-03", "2024/25 Q2", "at-risk", "amber", "late");
        Initiative state = Initiative.DECIDER.fold(List.of(DEFINED, q2, q2again));
        assertEquals(q2again, state.progressByQuarter().get("2024/25 Q2"));
    }
}
