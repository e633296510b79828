package org.csp.plan.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.csp.calendar.FinancialQuarter;
import org.csp.plan.SampleEvents;
import org.csp.plan.initiative.InitiativeCommand.AmendInitiative;
import org.csp.plan.initiative.InitiativeCommand.DefineInitiative;
import org.csp.plan.initiative.InitiativeCommand.RetireInitiative;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.initiative.InitiativeEvent.InitiativeAmended;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.InitiativeRetired;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.csp.plan.initiative.InitiativeEvent.Reporter;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class InitiativeDeciderTest {

    static final Definition CCTV = SampleEvents.CCTV;
    static final InitiativeDefined DEFINED = new InitiativeDefined("P1-03", CCTV);

    private static final DeciderSpec<InitiativeCommand, InitiativeEvent, Initiative> INITIATIVE =
            DeciderSpec.of(Initiative.DECIDER);

    private static final Reporter LEAD = new Reporter("8d4c1f0e-5b7a-4c2e-9f3d-2a6b1c0e4d72", "priority-lead", null);
    private static final Reporter COORDINATOR =
            new Reporter("2f9e7a31-0c4b-4d8e-b6a5-91d3c7e0f482", "coordinator", null);

    /** The lead reports. */
    private static UpdateProgress update(String quarter, ProgressStatus status, Rag rag, String commentary) {
        return new UpdateProgress("P1-03", FinancialQuarter.parse(quarter).orElseThrow(), status, rag, commentary)
                .by(LEAD);
    }

    private static Definition retitled(String title) {
        return new Definition(
                CCTV.priority(),
                CCTV.objectives(),
                title,
                CCTV.leadPartner(),
                CCTV.supportingPartners(),
                CCTV.start(),
                CCTV.due(),
                CCTV.resources(),
                CCTV.funding(),
                CCTV.risks(),
                CCTV.sara(),
                CCTV.indicators());
    }

    @Test
    void definingANewInitiativeRecordsIt() {
        INITIATIVE.given().when(new DefineInitiative("P1-03", CCTV)).then(DEFINED);
    }

    @Test
    void definingAnActiveInitiativeAgainIsAConflict() {
        INITIATIVE.given(DEFINED).when(new DefineInitiative("P1-03", CCTV)).thenRejected("already-defined");
    }

    @Test
    void aRetiredInitiativeCanBeDefinedAgain() {
        INITIATIVE
                .given(DEFINED, new InitiativeRetired("P1-03", "gone"))
                .when(new DefineInitiative("P1-03", CCTV))
                .then(DEFINED);
    }

    @Test
    void aDueDateBeforeTheStartIsRefused() {
        Definition backwards = new Definition(
                1,
                CCTV.objectives(),
                "x",
                null,
                CCTV.supportingPartners(),
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2024, 4, 1),
                null,
                null,
                CCTV.risks(),
                null,
                CCTV.indicators());
        INITIATIVE.given().when(new DefineInitiative("P1-03", backwards)).thenInvalid("due");
    }

    @Test
    void anAmendmentRecordsTheWholeNewDefinition() {
        INITIATIVE
                .given(DEFINED)
                .when(new AmendInitiative("P1-03", retitled("Mobile CCTV at events")))
                .then(new InitiativeAmended("P1-03", retitled("Mobile CCTV at events")));
    }

    @Test
    void anAmendmentThatChangesNothingRecordsNothing() {
        INITIATIVE.given(DEFINED).when(new AmendInitiative("P1-03", CCTV)).thenNothing();
    }

    @Test
    void aRetiredInitiativeIsNotAmendedNorReportedOn() {
        InitiativeRetired retired = new InitiativeRetired("P1-03", "Replaced");
        INITIATIVE
                .given(DEFINED, retired)
                .when(new AmendInitiative("P1-03", retitled("x")))
                .thenRejected("retired");
        INITIATIVE
                .given(DEFINED, retired)
                .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, null))
                .thenRejected("retired");
    }

    @Test
    void retiringTwiceIsOneEvent() {
        INITIATIVE
                .given(DEFINED)
                .when(new RetireInitiative("P1-03", "Replaced"))
                .then(new InitiativeRetired("P1-03", "Replaced"));
        INITIATIVE
                .given(DEFINED, new InitiativeRetired("P1-03", "Replaced"))
                .when(new RetireInitiative("P1-03", "again"))
                .thenNothing();
    }

    @Test
    void progressIsRecordedForTheQuarter() {
        INITIATIVE
                .given(DEFINED)
                .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "CCTV deployed at 4 events"))
                .then(new ProgressUpdated(
                        "P1-03", "2024/25 Q2", "on-track", "green", "CCTV deployed at 4 events", LEAD));
    }

    /**
     * The same report again is nothing, whoever sends it: the one who first made it stays its reporter (unknown for a
     * v1 report).
     */
    @Test
    void theSameReportTwiceIsOneEvent() {
        for (Reporter first : Arrays.asList(LEAD, null)) {
            for (Reporter again : List.of(LEAD, COORDINATOR)) {
                INITIATIVE
                        .given(DEFINED, new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok", first))
                        .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, "ok")
                                .by(again))
                        .thenNothing();
            }
        }
    }

    @Test
    void aChangedReportForTheSameQuarterIsANewEventByItsReporter() {
        INITIATIVE
                .given(DEFINED, new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok", LEAD))
                .when(update("2024/25 Q2", ProgressStatus.AT_RISK, Rag.AMBER, "funding late")
                        .by(COORDINATOR))
                .then(new ProgressUpdated("P1-03", "2024/25 Q2", "at-risk", "amber", "funding late", COORDINATOR));
    }

    @Test
    void aQuarterOutsideTheTimescaleIsRefused() {
        INITIATIVE
                .given(DEFINED)
                .when(update("2026/27 Q1", ProgressStatus.ON_TRACK, Rag.GREEN, null))
                .thenInvalid("quarter");
    }

    @Test
    void anUndefinedInitiativeCannotReportProgress() {
        INITIATIVE
                .given()
                .when(update("2024/25 Q2", ProgressStatus.ON_TRACK, Rag.GREEN, null))
                .thenRejected("not-defined");
    }

    @Test
    void stateFoldsTheLatestReportPerQuarterAndKeepsProgressThroughAmendments() {
        var q2 = new ProgressUpdated("P1-03", "2024/25 Q2", "on-track", "green", "ok", LEAD);
        var q2again = new ProgressUpdated("P1-03", "2024/25 Q2", "at-risk", "amber", "late", COORDINATOR);
        var q1 = new ProgressUpdated("P1-03", "2024/25 Q1", "completed", "green", "done", null);
        INITIATIVE
                .given(DEFINED, q2, q2again, new InitiativeAmended("P1-03", retitled("New title")), q1)
                .thenState(state -> {
                    assertEquals(q2again, state.progressByQuarter().get("2024/25 Q2"));
                    assertEquals(q2again, state.latest(), "the latest quarter, not the latest report");
                    assertEquals("New title", state.definition().title());
                    assertTrue(state.active());
                });
    }
}
