package org.csp.engagement.casereview;

import java.time.LocalDate;
import java.util.List;
import org.csp.contracts.EngagementEventTypes;
import org.csp.eventsourcing.EventTypes;

/**
 * What can happen to an ASB case review (formerly community trigger). Only the case reference, dates, the decision,
 * the agencies involved, the recommendations and the outcome are kept: the applicant's personal details stay in the
 * agencies' case-management systems. Free text is {@link Sealed}: encrypted with the case's own key, which the
 * retention policy destroys, so that the log stays append-only while the text becomes unreadable.
 */
public sealed interface CaseReviewEvent {

    EventTypes<CaseReviewEvent> TYPES = EventTypes.<CaseReviewEvent>builder()
            .register(EngagementEventTypes.CASE_REVIEW_RECEIVED_V1, ApplicationReceived.class)
            .register(EngagementEventTypes.THRESHOLD_DECIDED_V1, ThresholdDecided.class)
            .register(EngagementEventTypes.MEETING_HELD_V1, MeetingHeld.class)
            .register(EngagementEventTypes.RECOMMENDATIONS_RECORDED_V1, RecommendationsRecorded.class)
            .register(EngagementEventTypes.CASE_REVIEW_CLOSED_V1, CaseReviewClosed.class)
            .build();

    String caseReference();

    /** Free text encrypted with the case's key (AES-GCM): {@code iv || ciphertext}, Base64. */
    record Sealed(String sealed) {}

    /** An application for a case review was received; {@code agencies} are the organisations involved. */
    record ApplicationReceived(String caseReference, LocalDate receivedOn, List<String> agencies)
            implements CaseReviewEvent {}

    /** Whether the threshold ({@code threshold}: the one applied, e.g. three complaints in six months) was met, and why. */
    record ThresholdDecided(String caseReference, LocalDate decidedOn, boolean met, String threshold, Sealed reason)
            implements CaseReviewEvent {}

    /** The case review meeting took place with these agencies. */
    record MeetingHeld(String caseReference, LocalDate heldOn, List<String> agencies) implements CaseReviewEvent {}

    /** The recommendations the review made. */
    record RecommendationsRecorded(String caseReference, LocalDate recordedOn, List<Sealed> recommendations)
            implements CaseReviewEvent {}

    /** The case review was closed with an outcome (a {@link CaseReviewOutcome} code) and its summary. */
    record CaseReviewClosed(String caseReference, LocalDate closedOn, String outcome, Sealed summary)
            implements CaseReviewEvent {}
}
