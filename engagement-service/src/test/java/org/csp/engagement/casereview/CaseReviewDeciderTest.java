package org.csp.engagement.casereview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.casereview.CaseReviewCommand.Close;
import org.csp.engagement.casereview.CaseReviewCommand.DecideThreshold;
import org.csp.engagement.casereview.CaseReviewCommand.HoldMeeting;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewCommand.RecordRecommendations;
import org.csp.engagement.casereview.CaseReviewEvent.ApplicationReceived;
import org.csp.engagement.casereview.CaseReviewEvent.CaseReviewClosed;
import org.csp.engagement.casereview.CaseReviewEvent.MeetingHeld;
import org.csp.engagement.casereview.CaseReviewEvent.RecommendationsRecorded;
import org.csp.engagement.casereview.CaseReviewEvent.Sealed;
import org.csp.engagement.casereview.CaseReviewEvent.ThresholdDecided;
import org.csp.eventsourcing.StateJson;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class CaseReviewDeciderTest {

    static final String REF = "ASB-CR-2024-007";
    static final Sealed TEXT = new Sealed("c2VhbGVk");
    static final ApplicationReceived RECEIVED = new ApplicationReceived(
            REF, LocalDate.of(2024, 9, 2), List.of("Stroud District Council", "Gloucestershire Police"));
    static final ThresholdDecided MET = new ThresholdDecided(
            REF, LocalDate.of(2024, 9, 12), true, "Three complaints about the same problem in six months", TEXT);
    static final ThresholdDecided NOT_MET = new ThresholdDecided(
            REF, LocalDate.of(2024, 9, 12), false, "Three complaints about the same problem in six months", TEXT);
    static final MeetingHeld MEETING =
            new MeetingHeld(REF, LocalDate.of(2024, 10, 1), List.of("Stroud District Council"));
    static final RecommendationsRecorded RECOMMENDATIONS =
            new RecommendationsRecorded(REF, LocalDate.of(2024, 10, 3), List.of(TEXT));

    private static final DeciderSpec<CaseReviewCommand, CaseReviewEvent, CaseReview> REVIEW =
            DeciderSpec.of(CaseReview.DECIDER);

    @Test
    void theWholeLifecycle() {
        REVIEW.given()
                .when(new ReceiveApplication(REF, RECEIVED.receivedOn(), RECEIVED.agencies()))
                .then(RECEIVED);
        REVIEW.given(RECEIVED)
                .when(new DecideThreshold(REF, MET.decidedOn(), true, MET.threshold(), TEXT))
                .then(MET);
        REVIEW.given(RECEIVED, MET)
                .when(new HoldMeeting(REF, MEETING.heldOn(), MEETING.agencies()))
                .then(MEETING);
        REVIEW.given(RECEIVED, MET, MEETING)
                .when(new RecordRecommendations(REF, RECOMMENDATIONS.recordedOn(), List.of(TEXT)))
                .then(RECOMMENDATIONS);
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS)
                .when(new Close(REF, LocalDate.of(2024, 10, 20), CaseReviewOutcome.ACTIONS_AGREED, TEXT))
                .then(new CaseReviewClosed(REF, LocalDate.of(2024, 10, 20), "actions-agreed", TEXT));
    }

    @Test
    void aThresholdNotMetClosesWithoutAMeeting() {
        REVIEW.given(RECEIVED, NOT_MET)
                .when(new HoldMeeting(REF, MEETING.heldOn(), List.of()))
                .thenRejected("threshold-not-met");
        REVIEW.given(RECEIVED, NOT_MET)
                .when(new Close(REF, LocalDate.of(2024, 9, 13), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenInvalid("outcome");
        REVIEW.given(RECEIVED, NOT_MET)
                .when(new Close(REF, LocalDate.of(2024, 9, 13), CaseReviewOutcome.THRESHOLD_NOT_MET, null))
                .then(new CaseReviewClosed(REF, LocalDate.of(2024, 9, 13), "threshold-not-met", null));
    }

    @Test
    void stepsComeInOrderAndNeverBeforeTheOneBefore() {
        REVIEW.given(RECEIVED)
                .when(new ReceiveApplication(REF, RECEIVED.receivedOn(), List.of()))
                .thenRejected("case-review-exists");
        REVIEW.given(RECEIVED)
                .when(new HoldMeeting(REF, MEETING.heldOn(), List.of()))
                .thenRejected("wrong-stage");
        REVIEW.given(RECEIVED, MET)
                .when(new DecideThreshold(REF, MET.decidedOn(), false, "x", TEXT))
                .thenRejected("wrong-stage");
        REVIEW.given(RECEIVED)
                .when(new DecideThreshold(REF, LocalDate.of(2024, 9, 1), true, "x", TEXT))
                .thenInvalid("decidedOn");
        REVIEW.given(RECEIVED)
                .when(new Close(REF, LocalDate.of(2024, 9, 3), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenRejected("no-threshold-decision");
        REVIEW.given(RECEIVED, MET, MEETING)
                .when(new Close(REF, LocalDate.of(2024, 10, 9), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenRejected("review-incomplete");
        REVIEW.given().when(new HoldMeeting(REF, MEETING.heldOn(), List.of())).thenRejected("not-defined");
    }

    @Test
    void anApplicationCanBeWithdrawnAtAnyStageButAClosedReviewTakesNothingMore() {
        CaseReviewClosed withdrawn = new CaseReviewClosed(REF, LocalDate.of(2024, 9, 5), "withdrawn", null);
        REVIEW.given(RECEIVED)
                .when(new Close(REF, LocalDate.of(2024, 9, 5), CaseReviewOutcome.WITHDRAWN, null))
                .then(withdrawn);
        REVIEW.given(RECEIVED, withdrawn)
                .when(new DecideThreshold(REF, MET.decidedOn(), true, "x", TEXT))
                .thenRejected("case-review-closed");
    }

    @Test
    void eachStageIsItsOwnState() {
        CaseReview.Application application =
                new CaseReview.Application(REF, RECEIVED.receivedOn(), RECEIVED.agencies());
        CaseReview.Decision decision = new CaseReview.Decision(MET.decidedOn(), MET.threshold(), TEXT);
        CaseReview.Meeting meeting = new CaseReview.Meeting(MEETING.heldOn(), MEETING.agencies());
        REVIEW.given().thenState(state -> assertInstanceOf(CaseReview.NotReceived.class, state));
        REVIEW.given(RECEIVED).thenState(state -> assertEquals(new CaseReview.Received(application), state));
        REVIEW.given(RECEIVED, MET)
                .thenState(state -> assertEquals(new CaseReview.ThresholdMet(application, decision), state));
        REVIEW.given(RECEIVED, NOT_MET).thenState(state -> {
            assertEquals(new CaseReview.ThresholdNotMet(application, decision), state);
            assertFalse(((CaseReview.Decided) state).met());
        });
        REVIEW.given(RECEIVED, MET, MEETING)
                .thenState(state -> assertEquals(new CaseReview.MeetingHeld(application, decision, meeting), state));
        CaseReview.RecommendationsRecorded recorded = new CaseReview.RecommendationsRecorded(
                application,
                decision,
                meeting,
                new CaseReview.Recommendations(RECOMMENDATIONS.recordedOn(), List.of(TEXT)));
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS).thenState(state -> assertEquals(recorded, state));
        CaseReviewClosed closed = new CaseReviewClosed(REF, LocalDate.of(2024, 10, 20), "actions-agreed", TEXT);
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS, closed).thenState(state -> {
            assertEquals(
                    new CaseReview.Closed(recorded, new CaseReview.Closure(closed.closedOn(), "actions-agreed", TEXT)),
                    state);
            assertEquals("closed", state.status());
            assertEquals(recorded, state.reached());
        });
    }

    @Test
    void aMetThresholdClosesOnlyAfterTheRecommendationsAndNeverBeforeThem() {
        REVIEW.given(RECEIVED, MET)
                .when(new Close(REF, LocalDate.of(2024, 9, 13), CaseReviewOutcome.THRESHOLD_NOT_MET, null))
                .thenInvalid("outcome");
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS)
                .when(new Close(REF, LocalDate.of(2024, 10, 2), CaseReviewOutcome.NO_FURTHER_ACTION, null))
                .thenInvalid("closedOn");
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS)
                .when(new RecordRecommendations(REF, LocalDate.of(2024, 10, 4), List.of(TEXT)))
                .thenRejected("wrong-stage");
        REVIEW.given(RECEIVED, MET, MEETING)
                .when(new Close(REF, LocalDate.of(2024, 10, 2), CaseReviewOutcome.WITHDRAWN, null))
                .then(new CaseReviewClosed(REF, LocalDate.of(2024, 10, 2), "withdrawn", null));
        REVIEW.given(RECEIVED, NOT_MET)
                .when(new Close(REF, LocalDate.of(2024, 9, 11), CaseReviewOutcome.THRESHOLD_NOT_MET, null))
                .thenInvalid("closedOn");
    }

    /** A history the decider could not have written fails loudly instead of folding into a wrong stage. */
    @Test
    void eventsOutOfOrderDoNotFold() {
        assertThrows(IllegalStateException.class, () -> CaseReview.DECIDER.fold(List.of(RECEIVED, MEETING)));
        assertThrows(IllegalStateException.class, () -> CaseReview.DECIDER.fold(List.of(RECEIVED, NOT_MET, MEETING)));
        assertThrows(IllegalStateException.class, () -> CaseReview.DECIDER.fold(List.of(MET)));
    }

    /** The query table keeps each stage as JSON named by its stage, and reads it back as the same state. */
    @Test
    void everyStateReadsBackFromItsJson() {
        CaseReviewClosed notMetClosed = new CaseReviewClosed(REF, LocalDate.of(2024, 9, 13), "threshold-not-met", null);
        CaseReviewClosed agreed = new CaseReviewClosed(REF, LocalDate.of(2024, 10, 20), "actions-agreed", TEXT);
        List<List<CaseReviewEvent>> histories = List.of(
                List.of(),
                List.of(RECEIVED),
                List.of(RECEIVED, MET),
                List.of(RECEIVED, NOT_MET),
                List.of(RECEIVED, NOT_MET, notMetClosed),
                List.of(RECEIVED, MET, MEETING),
                List.of(RECEIVED, MET, MEETING, RECOMMENDATIONS),
                List.of(RECEIVED, MET, MEETING, RECOMMENDATIONS, agreed));
        for (List<CaseReviewEvent> history : histories) {
            CaseReview state = CaseReview.DECIDER.fold(history);
            assertEquals(state, StateJson.read(StateJson.write(state), CaseReview.class));
        }
        var closed = StateJson.write(CaseReview.DECIDER.fold(List.of(RECEIVED, NOT_MET, notMetClosed)));
        assertEquals("closed", closed.getString("stage"));
        assertEquals("threshold-not-met", closed.getJsonObject("before").getString("stage"));
    }
}
