package org.csp.plan.review;

import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to the quarterly review of one financial-year quarter. */
public sealed interface ReviewEvent {

    EventTypes<ReviewEvent> TYPES = EventTypes.<ReviewEvent>builder()
            .register(PlanEventTypes.REVIEW_OPENED_V1, ReviewOpened.class)
            .register(PlanEventTypes.REPORT_SUBMITTED_V1, ReportSubmitted.class)
            .register(PlanEventTypes.REVIEW_CLOSED_V1, ReviewClosed.class)
            .register(PlanEventTypes.REVIEW_REOPENED_V1, ReviewReopened.class)
            .build();

    String quarter();

    /** An initiative of the priority as it stood at the end of the quarter (status and RAG null: not reported). */
    record InitiativeState(String initiativeId, String title, String status, String rag, String commentary) {}

    /** A priority's progress report: the sub-group's summary and the state of each of its initiatives. */
    record Report(int priority, String summary, List<InitiativeState> initiatives) {}

    /** The coordinator opened the review; a report is expected from each of {@code priorities}. */
    record ReviewOpened(String quarter, List<Integer> priorities) implements ReviewEvent {}

    /** A priority lead submitted (or resubmitted) the priority's report. */
    record ReportSubmitted(String quarter, Report report) implements ReviewEvent {}

    /** The coordinator closed the review with what was reported, and which reports never came. The quarter is frozen. */
    record ReviewClosed(String quarter, List<Report> reports, List<Integer> missingReports) implements ReviewEvent {}

    /** The coordinator reopened a closed review, for the recorded reason. */
    record ReviewReopened(String quarter, String reason) implements ReviewEvent {}
}
