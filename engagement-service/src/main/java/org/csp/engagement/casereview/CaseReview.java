package org.csp.engagement.casereview;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.casereview.CaseReviewCommand.Close;
import org.csp.engagement.casereview.CaseReviewCommand.DecideThreshold;
import org.csp.engagement.casereview.CaseReviewCommand.HoldMeeting;
import org.csp.engagement.casereview.CaseReviewCommand.ReceiveApplication;
import org.csp.engagement.casereview.CaseReviewCommand.RecordRecommendations;
import org.csp.engagement.casereview.CaseReviewEvent.ApplicationReceived;
import org.csp.engagement.casereview.CaseReviewEvent.CaseReviewClosed;
import org.csp.engagement.casereview.CaseReviewEvent.Sealed;
import org.csp.engagement.casereview.CaseReviewEvent.ThresholdDecided;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

/**
 * A case review's lifecycle: received → threshold met or not met → (if met) meeting held → recommendations recorded
 * → closed. A review whose threshold was not met is closed straight after the decision; an application can be
 * withdrawn (closed) at any stage. Each stage is a state record holding what the review knows by then; the closed
 * state keeps the stage it was closed from. The query table keeps it as JSON named by {@code stage}. The events
 * {@link CaseReviewEvent.MeetingHeld} and {@link CaseReviewEvent.RecommendationsRecorded} lead to the stages of
 * the same name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CaseReview.NotReceived.class, name = "not-received"),
    @JsonSubTypes.Type(value = CaseReview.Received.class, name = "received"),
    @JsonSubTypes.Type(value = CaseReview.ThresholdMet.class, name = "threshold-met"),
    @JsonSubTypes.Type(value = CaseReview.ThresholdNotMet.class, name = "threshold-not-met"),
    @JsonSubTypes.Type(value = CaseReview.MeetingHeld.class, name = "meeting-held"),
    @JsonSubTypes.Type(value = CaseReview.RecommendationsRecorded.class, name = "recommendations-recorded"),
    @JsonSubTypes.Type(value = CaseReview.Closed.class, name = "closed")
})
public sealed interface CaseReview {

    /** The application: the case reference, when it was received and the organisations involved (free-text names). */
    record Application(String caseReference, LocalDate receivedOn, List<String> agencies) {}

    /** The threshold decision: when, the threshold applied and the (sealed) reason. */
    record Decision(LocalDate decidedOn, String threshold, Sealed reason) {}

    /** The review meeting: when, and the organisations that took part (free-text names). */
    record Meeting(LocalDate heldOn, List<String> agencies) {}

    record Recommendations(LocalDate recordedOn, List<Sealed> texts) {}

    /** How the review ended: a {@link CaseReviewOutcome} code and the (sealed) summary. */
    record Closure(LocalDate closedOn, String outcome, Sealed summary) {}

    /** A review that was received and is not closed yet. */
    sealed interface Open extends CaseReview {
        Application application();
    }

    /** A review whose threshold was decided. */
    sealed interface Decided extends Open {
        Decision decision();

        /** Whether the threshold was met: only then is there a review meeting. */
        default boolean met() {
            return !(this instanceof ThresholdNotMet);
        }
    }

    /** A review whose meeting was held. */
    sealed interface Reviewed extends Decided {
        Meeting meeting();
    }

    /** No application was received under this reference. */
    record NotReceived() implements CaseReview {}

    record Received(Application application) implements Open {}

    record ThresholdMet(Application application, Decision decision) implements Decided {}

    record ThresholdNotMet(Application application, Decision decision) implements Decided {}

    record MeetingHeld(Application application, Decision decision, Meeting meeting) implements Reviewed {}

    record RecommendationsRecorded(
            Application application, Decision decision, Meeting meeting, Recommendations recommendations)
            implements Reviewed {}

    /** A closed review: {@code before} is the stage it was closed from. */
    record Closed(Open before, Closure closure) implements CaseReview {}

    /** The stage as the API names it: received, decided, meeting-held, recommendations-recorded or closed. */
    default String status() {
        return switch (this) {
            case NotReceived none -> "not-received";
            case Received received -> "received";
            case ThresholdMet met -> "decided";
            case ThresholdNotMet notMet -> "decided";
            case MeetingHeld held -> "meeting-held";
            case RecommendationsRecorded recorded -> "recommendations-recorded";
            case Closed closed -> "closed";
        };
    }

    /** How far the review got: the stage it is at, or the one it was closed from. */
    default Open reached() {
        return switch (this) {
            case Open open -> open;
            case Closed closed -> closed.before();
            case NotReceived none -> throw new IllegalStateException("No case review was received");
        };
    }

    Decider<CaseReviewCommand, CaseReviewEvent, CaseReview> DECIDER = new Decider<>() {
        @Override
        public CaseReview initialState() {
            return new NotReceived();
        }

        @Override
        public CaseReview evolve(CaseReview s, CaseReviewEvent event) {
            return switch (event) {
                case ApplicationReceived e ->
                    new Received(new Application(e.caseReference(), e.receivedOn(), e.agencies()));
                case ThresholdDecided e ->
                    switch (s) {
                        case Received r -> {
                            Decision decision = new Decision(e.decidedOn(), e.threshold(), e.reason());
                            yield e.met()
                                    ? new ThresholdMet(r.application(), decision)
                                    : new ThresholdNotMet(r.application(), decision);
                        }
                        default -> throw outOfOrder(s, e);
                    };
                case CaseReviewEvent.MeetingHeld e ->
                    switch (s) {
                        case ThresholdMet met ->
                            new MeetingHeld(met.application(), met.decision(), new Meeting(e.heldOn(), e.agencies()));
                        default -> throw outOfOrder(s, e);
                    };
                case CaseReviewEvent.RecommendationsRecorded e ->
                    switch (s) {
                        case MeetingHeld held ->
                            new RecommendationsRecorded(
                                    held.application(),
                                    held.decision(),
                                    held.meeting(),
                                    new Recommendations(e.recordedOn(), e.recommendations()));
                        default -> throw outOfOrder(s, e);
                    };
                case CaseReviewClosed e ->
                    switch (s) {
                        case Open open -> new Closed(open, new Closure(e.closedOn(), e.outcome(), e.summary()));
                        default -> throw outOfOrder(s, e);
                    };
            };
        }

        @Override
        public List<CaseReviewEvent> decide(CaseReviewCommand command, CaseReview s) {
            return switch (s) {
                case NotReceived none ->
                    switch (command) {
                        case ReceiveApplication receive ->
                            List.of(new ApplicationReceived(
                                    receive.caseReference(), receive.receivedOn(), receive.agencies()));
                        default ->
                            throw CommandRejected.notDefined(
                                    "There is no case review '" + command.caseReference() + "'.");
                    };
                case Closed closed ->
                    throw command instanceof ReceiveApplication
                            ? exists(command)
                            : new CommandRejected(
                                    "case-review-closed", "Case review '" + command.caseReference() + "' is closed.");
                case Open open -> decideOpen(command, open);
            };
        }
    };

    private static List<CaseReviewEvent> decideOpen(CaseReviewCommand command, Open s) {
        String reference = s.application().caseReference();
        return switch (command) {
            case ReceiveApplication receive -> throw exists(receive);
            case DecideThreshold decide ->
                switch (s) {
                    case Received received -> {
                        requireNotBefore(
                                decide.decidedOn(),
                                received.application().receivedOn(),
                                "decidedOn",
                                "the application was received");
                        yield List.of(new ThresholdDecided(
                                reference, decide.decidedOn(), decide.met(), decide.threshold(), decide.reason()));
                    }
                    case Decided decided ->
                        throw wrongStage(s, "the threshold decision follows the application and is made once");
                };
            case HoldMeeting meeting ->
                switch (s) {
                    case ThresholdMet met -> {
                        requireNotBefore(
                                meeting.heldOn(), met.decision().decidedOn(), "heldOn", "the threshold decision");
                        yield List.of(new CaseReviewEvent.MeetingHeld(reference, meeting.heldOn(), meeting.agencies()));
                    }
                    case ThresholdNotMet notMet ->
                        throw new CommandRejected(
                                "threshold-not-met",
                                "The threshold was not met: there is no review meeting; close the case review.");
                    case Received received -> throw wrongStage(s, "the review meeting follows the threshold decision");
                    case Reviewed reviewed -> throw wrongStage(s, "the review meeting follows the threshold decision");
                };
            case RecordRecommendations recommendations ->
                switch (s) {
                    case MeetingHeld held -> {
                        requireNotBefore(
                                recommendations.recordedOn(),
                                held.meeting().heldOn(),
                                "recordedOn",
                                "the review meeting");
                        yield List.of(new CaseReviewEvent.RecommendationsRecorded(
                                reference, recommendations.recordedOn(), recommendations.recommendations()));
                    }
                    default -> throw wrongStage(s, "recommendations follow the review meeting and are recorded once");
                };
            case Close close -> decideClose(close, s);
        };
    }

    /**
     * Closing as withdrawn is possible at any stage; any other outcome needs the threshold decision, and, when the
     * threshold was met, the meeting and its recommendations.
     */
    private static List<CaseReviewEvent> decideClose(Close close, Open s) {
        CaseReviewOutcome outcome = close.outcome();
        if (outcome != CaseReviewOutcome.WITHDRAWN) {
            switch (s) {
                case Received received ->
                    throw new CommandRejected(
                            "no-threshold-decision",
                            "Decide whether the threshold is met before closing (or close as withdrawn).");
                case ThresholdNotMet notMet -> {
                    if (outcome != CaseReviewOutcome.THRESHOLD_NOT_MET) {
                        throw CommandRejected.invalid(
                                "outcome", "must be threshold-not-met or withdrawn: the threshold was not met");
                    }
                }
                case RecommendationsRecorded recorded -> requireMetOutcome(outcome);
                case Decided incomplete -> {
                    requireMetOutcome(outcome);
                    throw new CommandRejected(
                            "review-incomplete",
                            "Hold the review meeting and record its recommendations before closing.");
                }
            }
        }
        LocalDate last = lastDate(s);
        requireNotBefore(close.closedOn(), last, "closedOn", "the review's last step");
        return List.of(new CaseReviewClosed(
                s.application().caseReference(), close.closedOn(), outcome.code(), close.summary()));
    }

    /** The date of the stage's own step: each step is on or after the one before. */
    private static LocalDate lastDate(Open s) {
        return switch (s) {
            case Received received -> received.application().receivedOn();
            case RecommendationsRecorded recorded -> recorded.recommendations().recordedOn();
            case MeetingHeld held -> held.meeting().heldOn();
            case Decided decided -> decided.decision().decidedOn();
        };
    }

    private static void requireMetOutcome(CaseReviewOutcome outcome) {
        if (outcome == CaseReviewOutcome.THRESHOLD_NOT_MET) {
            throw CommandRejected.invalid("outcome", "cannot be threshold-not-met: the threshold was met");
        }
    }

    private static CommandRejected exists(CaseReviewCommand command) {
        return new CommandRejected(
                "case-review-exists", "Case review '" + command.caseReference() + "' was received already.");
    }

    private static CommandRejected wrongStage(Open s, String rule) {
        return new CommandRejected(
                "wrong-stage",
                "Case review '" + s.application().caseReference() + "' is " + s.status() + ": " + rule + ".");
    }

    private static void requireNotBefore(LocalDate date, LocalDate earlier, String field, String what) {
        if (date.isBefore(earlier)) {
            throw CommandRejected.invalid(field, "must not be before " + what + " (" + earlier + ")");
        }
    }

    /** A stored stream the decider could not have written: fail loudly rather than fold it into a wrong state. */
    private static IllegalStateException outOfOrder(CaseReview s, CaseReviewEvent e) {
        return new IllegalStateException(
                e.getClass().getSimpleName() + " cannot follow " + s.getClass().getSimpleName());
    }
}
