package org.csp.engagement.casereview;

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
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class CaseReviewDeciderTest {

    static final String REF = "ASB-CR-2024-007";
    static final Sealed TEXT = new Sealed("c2VhbGVk");
    static final ApplicationReceived RECEIVED = new ApplicationReceived(REF, LocalDate.of(2024, 9, 2),
            List.of("Stroud District Council", "Gloucestershire Police"));
    static final ThresholdDecided MET = new ThresholdDecided(REF, LocalDate.of(2024, 9, 12), true,
            "Three complaints about the same problem in six months", TEXT);
    static final ThresholdDecided NOT_MET = new ThresholdDecided(REF, LocalDate.of(2024, 9, 12), false,
            "Three complaints about the same problem in six months", TEXT);
    static final MeetingHeld MEETING = new MeetingHeld(REF, LocalDate.of(2024, 10, 1), List.of("Stroud District Council"));
    static final RecommendationsRecorded RECOMMENDATIONS = new RecommendationsRecorded(REF, LocalDate.of(2024, 10, 3), List.of(TEXT));

    private static final DeciderSpec<CaseReviewCommand, CaseReviewEvent, CaseReview> REVIEW = DeciderSpec.of(CaseReview.DECIDER);

    @Test
    void theWholeLifecycle() {
        REVIEW.given().when(new ReceiveApplication(REF, RECEIVED.receivedOn(), RECEIVED.agencies())).then(RECEIVED);
        REVIEW.given(RECEIVED).when(new DecideThreshold(REF, MET.decidedOn(), true, MET.threshold(), TEXT)).then(MET);
        REVIEW.given(RECEIVED, MET).when(new HoldMeeting(REF, MEETING.heldOn(), MEETING.agencies())).then(MEETING);
        REVIEW.given(RECEIVED, MET, MEETING).when(new RecordRecommendations(REF, RECOMMENDATIONS.recordedOn(), List.of(TEXT)))
                .then(RECOMMENDATIONS);
        REVIEW.given(RECEIVED, MET, MEETING, RECOMMENDATIONS)
                .when(new Close(REF, LocalDate.of(2024, 10, 20), CaseReviewOutcome.ACTIONS_AGREED, TEXT))
                .then(new CaseReviewClosed(REF, LocalDate.of(2024, 10, 20), "actions-agreed", TEXT));
    }

    @Test
    void aThresholdNotMetClosesWithoutAMeeting() {
        REVIEW.given(RECEIVED, NOT_MET).when(new HoldMeeting(REF, MEETING.heldOn(), List.of())).thenRejected("threshold-not-met");
        REVIEW.given(RECEIVED, NOT_MET).when(new Close(REF, LocalDate.of(2024, 9, 13), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenInvalid("outcome");
        REVIEW.given(RECEIVED, NOT_MET).when(new Close(REF, LocalDate.of(2024, 9, 13), CaseReviewOutcome.THRESHOLD_NOT_MET, null))
                .then(new CaseReviewClosed(REF, LocalDate.of(2024, 9, 13), "threshold-not-met", null));
    }

    @Test
    void stepsComeInOrderAndNeverBeforeTheOneBefore() {
        REVIEW.given(RECEIVED).when(new ReceiveApplication(REF, RECEIVED.receivedOn(), List.of())).thenRejected("case-review-exists");
        REVIEW.given(RECEIVED).when(new HoldMeeting(REF, MEETING.heldOn(), List.of())).thenRejected("wrong-stage");
        REVIEW.given(RECEIVED, MET).when(new DecideThreshold(REF, MET.decidedOn(), false, "x", TEXT)).thenRejected("wrong-stage");
        REVIEW.given(RECEIVED).when(new DecideThreshold(REF, LocalDate.of(2024, 9, 1), true, "x", TEXT)).thenInvalid("decidedOn");
        REVIEW.given(RECEIVED).when(new Close(REF, LocalDate.of(2024, 9, 3), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenRejected("no-threshold-decision");
        REVIEW.given(RECEIVED, MET, MEETING).when(new Close(REF, LocalDate.of(2024, 10, 9), CaseReviewOutcome.ACTIONS_AGREED, null))
                .thenRejected("review-incomplete");
        REVIEW.given().when(new HoldMeeting(REF, MEETING.heldOn(), List.of())).thenRejected("not-defined");
    }

    @Test
    void anApplicationCanBeWithdrawnAtAnyStageButAClosedReviewTakesNothingMore() {
        CaseReviewClosed withdrawn = new CaseReviewClosed(REF, LocalDate.of(2024, 9, 5), "withdrawn", null);
        REVIEW.given(RECEIVED).when(new Close(REF, LocalDate.of(2024, 9, 5), CaseReviewOutcome.WITHDRAWN, null)).then(withdrawn);
        REVIEW.given(RECEIVED, withdrawn).when(new DecideThreshold(REF, MET.decidedOn(), true, "x", TEXT))
                .thenRejected("case-review-closed");
    }
}
