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
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

import java.time.LocalDate;
import java.util.List;

/**
 * A case review's state and its lifecycle: received → threshold decided → (if met) meeting held → recommendations
 * recorded → closed. A review whose threshold was not met is closed straight after the decision; an application
 * can be withdrawn at any stage.
 */
public record CaseReview(String caseReference, String status, LocalDate receivedOn, List<String> agencies,
                         LocalDate decidedOn, Boolean thresholdMet, String threshold, Sealed reason,
                         LocalDate meetingHeldOn, List<String> meetingAgencies,
                         LocalDate recommendationsRecordedOn, List<Sealed> recommendations,
                         LocalDate closedOn, String outcome, Sealed summary) {

    public static final String RECEIVED = "received";
    public static final String DECIDED = "decided";
    public static final String MEETING_HELD = "meeting-held";
    public static final String RECOMMENDATIONS_RECORDED = "recommendations-recorded";
    public static final String CLOSED = "closed";

    private static final CaseReview NONE = new CaseReview(null, null, null, List.of(), null, null, null, null, null, List.of(),
            null, List.of(), null, null, null);

    public static final Decider<CaseReviewCommand, CaseReviewEvent, CaseReview> DECIDER = new Decider<>() {
        @Override
        public CaseReview initialState() {
            return NONE;
        }

        @Override
        public CaseReview evolve(CaseReview s, CaseReviewEvent event) {
            return switch (event) {
                case ApplicationReceived e -> new CaseReview(e.caseReference(), RECEIVED, e.receivedOn(), e.agencies(), null, null,
                        null, null, null, List.of(), null, List.of(), null, null, null);
                case ThresholdDecided e -> new CaseReview(s.caseReference, DECIDED, s.receivedOn, s.agencies, e.decidedOn(), e.met(),
                        e.threshold(), e.reason(), null, List.of(), null, List.of(), null, null, null);
                case MeetingHeld e -> new CaseReview(s.caseReference, MEETING_HELD, s.receivedOn, s.agencies, s.decidedOn,
                        s.thresholdMet, s.threshold, s.reason, e.heldOn(), e.agencies(), null, List.of(), null, null, null);
                case RecommendationsRecorded e -> new CaseReview(s.caseReference, RECOMMENDATIONS_RECORDED, s.receivedOn, s.agencies,
                        s.decidedOn, s.thresholdMet, s.threshold, s.reason, s.meetingHeldOn, s.meetingAgencies, e.recordedOn(),
                        e.recommendations(), null, null, null);
                case CaseReviewClosed e -> new CaseReview(s.caseReference, CLOSED, s.receivedOn, s.agencies, s.decidedOn,
                        s.thresholdMet, s.threshold, s.reason, s.meetingHeldOn, s.meetingAgencies, s.recommendationsRecordedOn,
                        s.recommendations, e.closedOn(), e.outcome(), e.summary());
            };
        }

        @Override
        public List<CaseReviewEvent> decide(CaseReviewCommand command, CaseReview s) {
            if (command instanceof ReceiveApplication receive) {
                if (s.exists()) {
                    throw new CommandRejected("case-review-exists", "Case review '" + receive.caseReference() + "' was received already.");
                }
                return List.of(new ApplicationReceived(receive.caseReference(), receive.receivedOn(), receive.agencies()));
            }
            if (!s.exists()) {
                throw CommandRejected.notDefined("There is no case review '" + command.caseReference() + "'.");
            }
            if (s.closed()) {
                throw new CommandRejected("case-review-closed", "Case review '" + s.caseReference + "' is closed.");
            }
            return switch (command) {
                case ReceiveApplication ignored -> throw new IllegalStateException("handled above");
                case DecideThreshold decide -> {
                    requireStage(s, RECEIVED, "the threshold decision follows the application and is made once");
                    requireNotBefore(decide.decidedOn(), s.receivedOn, "decidedOn", "the application was received");
                    yield List.of(new ThresholdDecided(s.caseReference, decide.decidedOn(), decide.met(), decide.threshold(),
                            decide.reason()));
                }
                case HoldMeeting meeting -> {
                    requireStage(s, DECIDED, "the review meeting follows the threshold decision");
                    if (!s.thresholdMet) {
                        throw new CommandRejected("threshold-not-met", "The threshold was not met: there is no review meeting; close the case review.");
                    }
                    requireNotBefore(meeting.heldOn(), s.decidedOn, "heldOn", "the threshold decision");
                    yield List.of(new MeetingHeld(s.caseReference, meeting.heldOn(), meeting.agencies()));
                }
                case RecordRecommendations recommendations -> {
                    requireStage(s, MEETING_HELD, "recommendations follow the review meeting and are recorded once");
                    requireNotBefore(recommendations.recordedOn(), s.meetingHeldOn, "recordedOn", "the review meeting");
                    yield List.of(new RecommendationsRecorded(s.caseReference, recommendations.recordedOn(),
                            recommendations.recommendations()));
                }
                case Close close -> decideClose(close, s);
            };
        }
    };

    public boolean exists() {
        return caseReference != null;
    }

    public boolean closed() {
        return CLOSED.equals(status);
    }

    /** The latest date the review recorded so far. */
    public LocalDate lastDate() {
        LocalDate last = receivedOn;
        for (LocalDate date : new LocalDate[]{decidedOn, meetingHeldOn, recommendationsRecordedOn, closedOn}) {
            if (date != null && date.isAfter(last)) {
                last = date;
            }
        }
        return last;
    }

    private static List<CaseReviewEvent> decideClose(Close close, CaseReview s) {
        CaseReviewOutcome outcome = close.outcome();
        if (outcome != CaseReviewOutcome.WITHDRAWN) {
            if (s.thresholdMet == null) {
                throw new CommandRejected("no-threshold-decision", "Decide whether the threshold is met before closing (or close as withdrawn).");
            }
            if (!s.thresholdMet && outcome != CaseReviewOutcome.THRESHOLD_NOT_MET) {
                throw CommandRejected.invalid("outcome", "must be threshold-not-met or withdrawn: the threshold was not met");
            }
            if (s.thresholdMet && outcome == CaseReviewOutcome.THRESHOLD_NOT_MET) {
                throw CommandRejected.invalid("outcome", "cannot be threshold-not-met: the threshold was met");
            }
            if (s.thresholdMet && !RECOMMENDATIONS_RECORDED.equals(s.status)) {
                throw new CommandRejected("review-incomplete", "Hold the review meeting and record its recommendations before closing.");
            }
        }
        requireNotBefore(close.closedOn(), s.lastDate(), "closedOn", "the review's last step");
        return List.of(new CaseReviewClosed(s.caseReference, close.closedOn(), outcome.code(), close.summary()));
    }

    private static void requireStage(CaseReview s, String stage, String rule) {
        if (!stage.equals(s.status)) {
            throw new CommandRejected("wrong-stage", "Case review '" + s.caseReference + "' is " + s.status + ": " + rule + ".");
        }
    }

    private static void requireNotBefore(LocalDate date, LocalDate earlier, String field, String what) {
        if (date.isBefore(earlier)) {
            throw CommandRejected.invalid(field, "must not be before " + what + " (" + earlier + ")");
        }
    }
}
