package org.csp.contracts;

import java.util.List;

/**
 * The event types engagement-service publishes on {@value #TOPIC}. "activity" in the engagement records' types and
 * "review" in the ASB case reviews' are the names these concepts were first published under; they stay.
 */
public final class EngagementEventTypes {

    public static final String TOPIC = "engagement.events";
    public static final String SOURCE = "engagement-service";

    /** Shipped first (one date, the place as a name); read as {@link #ENGAGEMENT_RECORDED_V2}. */
    public static final String ENGAGEMENT_RECORDED_V1 = "engagement.activity.recorded.v1";

    /** Organisations as free-text names; read as {@link #ENGAGEMENT_RECORDED_V3} (names, no ids). */
    public static final String ENGAGEMENT_RECORDED_V2 = "engagement.activity.recorded.v2";

    /** Organisations by their registry ids, with their names as the registry gave them then. */
    public static final String ENGAGEMENT_RECORDED_V3 = "engagement.activity.recorded.v3";
    /** Organisations as free-text names; read as {@link #ENGAGEMENT_AMENDED_V2} (names, no ids). */
    public static final String ENGAGEMENT_AMENDED_V1 = "engagement.activity.amended.v1";

    /** Organisations by their registry ids, with their names, as {@link #ENGAGEMENT_RECORDED_V3}. */
    public static final String ENGAGEMENT_AMENDED_V2 = "engagement.activity.amended.v2";

    public static final String ENGAGEMENT_WITHDRAWN_V1 = "engagement.activity.withdrawn.v1";
    public static final String FOLLOW_UP_ADDED_V1 = "engagement.activity.follow-up-added.v1";
    public static final String CONSULTATION_OPENED_V1 = "engagement.consultation.opened.v1";
    public static final String CONSULTATION_CLOSED_V1 = "engagement.consultation.closed.v1";
    public static final String RESULTS_PUBLISHED_V1 = "engagement.consultation.results-published.v1";
    public static final String CASE_REVIEW_RECEIVED_V1 = "engagement.review.received.v1";
    public static final String THRESHOLD_DECIDED_V1 = "engagement.review.threshold-decided.v1";
    public static final String MEETING_HELD_V1 = "engagement.review.meeting-held.v1";
    public static final String RECOMMENDATIONS_RECORDED_V1 = "engagement.review.recommendations-recorded.v1";
    public static final String CASE_REVIEW_CLOSED_V1 = "engagement.review.closed.v1";

    /** Every type that is or ever was on the topic. */
    public static final List<String> ALL = List.of(
            ENGAGEMENT_RECORDED_V1,
            ENGAGEMENT_RECORDED_V2,
            ENGAGEMENT_RECORDED_V3,
            ENGAGEMENT_AMENDED_V1,
            ENGAGEMENT_AMENDED_V2,
            ENGAGEMENT_WITHDRAWN_V1,
            FOLLOW_UP_ADDED_V1,
            CONSULTATION_OPENED_V1,
            CONSULTATION_CLOSED_V1,
            RESULTS_PUBLISHED_V1,
            CASE_REVIEW_RECEIVED_V1,
            THRESHOLD_DECIDED_V1,
            MEETING_HELD_V1,
            RECOMMENDATIONS_RECORDED_V1,
            CASE_REVIEW_CLOSED_V1);

    private EngagementEventTypes() {}
}
