package org.csp.engagement.casereview;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.casereview.CaseReviewEvent.Sealed;

/** What can be asked of a case review; free text arrives already sealed with the case's key. */
public sealed interface CaseReviewCommand {

    String caseReference();

    record ReceiveApplication(String caseReference, LocalDate receivedOn, List<String> agencies)
            implements CaseReviewCommand {}

    record DecideThreshold(String caseReference, LocalDate decidedOn, boolean met, String threshold, Sealed reason)
            implements CaseReviewCommand {}

    record HoldMeeting(String caseReference, LocalDate heldOn, List<String> agencies) implements CaseReviewCommand {}

    record RecordRecommendations(String caseReference, LocalDate recordedOn, List<Sealed> recommendations)
            implements CaseReviewCommand {}

    record Close(String caseReference, LocalDate closedOn, CaseReviewOutcome outcome, Sealed summary)
            implements CaseReviewCommand {}
}
