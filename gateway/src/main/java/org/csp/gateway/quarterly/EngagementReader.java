package org.csp.gateway.quarterly;

import static org.csp.contracts.EngagementEventTypes.CASE_REVIEW_CLOSED_V1;
import static org.csp.contracts.EngagementEventTypes.CASE_REVIEW_RECEIVED_V1;
import static org.csp.contracts.EngagementEventTypes.CONSULTATION_CLOSED_V1;
import static org.csp.contracts.EngagementEventTypes.CONSULTATION_OPENED_V1;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_AMENDED_V1;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_AMENDED_V2;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_RECORDED_V1;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_RECORDED_V2;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_RECORDED_V3;
import static org.csp.contracts.EngagementEventTypes.ENGAGEMENT_WITHDRAWN_V1;
import static org.csp.contracts.EngagementEventTypes.FOLLOW_UP_ADDED_V1;
import static org.csp.contracts.EngagementEventTypes.MEETING_HELD_V1;
import static org.csp.contracts.EngagementEventTypes.RECOMMENDATIONS_RECORDED_V1;
import static org.csp.contracts.EngagementEventTypes.RESULTS_PUBLISHED_V1;
import static org.csp.contracts.EngagementEventTypes.THRESHOLD_DECIDED_V1;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventData;
import org.csp.eventsourcing.projection.UnprocessableEvent;
import org.csp.gateway.quarterly.QuarterlyTables.EngagementRow;

/**
 * engagement-service's records as the view's rows, the latest per record in a batch: recorded (v1, flat, and v2),
 * amended (which moves its counts) and withdrawn (which takes them off), each with its priorities, attendance, reach
 * and when it was first recorded. Follow-ups, consultations and case reviews
 * are not part of this view.
 */
final class EngagementReader {

    static final Set<String> APPLIED = Set.of(
            ENGAGEMENT_RECORDED_V1,
            ENGAGEMENT_RECORDED_V2,
            ENGAGEMENT_RECORDED_V3,
            ENGAGEMENT_AMENDED_V1,
            ENGAGEMENT_AMENDED_V2,
            ENGAGEMENT_WITHDRAWN_V1);

    static final Set<String> IGNORED = Set.of(
            FOLLOW_UP_ADDED_V1,
            CONSULTATION_OPENED_V1,
            CONSULTATION_CLOSED_V1,
            RESULTS_PUBLISHED_V1,
            CASE_REVIEW_RECEIVED_V1,
            THRESHOLD_DECIDED_V1,
            MEETING_HELD_V1,
            RECOMMENDATIONS_RECORDED_V1,
            CASE_REVIEW_CLOSED_V1);

    private final Map<List<String>, EngagementRow> engagements = new LinkedHashMap<>();

    /** Reads one event of {@link #APPLIED}; a bad one is refused before anything is written. */
    void read(CloudEvent event) {
        EventData f = EventData.of(event);
        String p = event.partnershipId();
        switch (event.type()) {
            case ENGAGEMENT_RECORDED_V1 -> define(event, f, f, "date");
            // engagement-service amends only a record that is not withdrawn
            case ENGAGEMENT_RECORDED_V2, ENGAGEMENT_RECORDED_V3, ENGAGEMENT_AMENDED_V1, ENGAGEMENT_AMENDED_V2 ->
                define(event, f, f.object("details"), "startDate");
            case ENGAGEMENT_WITHDRAWN_V1 -> {
                String id = f.text("engagementId");
                EngagementRow known = engagements.get(List.of(p, id));
                engagements.put(
                        List.of(p, id),
                        known != null
                                ? known.withdraw()
                                : new EngagementRow(
                                        p, id, null, null, null, null, null, null, null, null, false, true));
            }
            default -> throw new UnprocessableEvent(event, "not a type of the quarterly view");
        }
    }

    /**
     * The record as the event defines it: its details in {@code details} (the event itself for recorded.v1, its
     * {@code details} object since), dated by the field {@code dateField}.
     */
    private void define(CloudEvent event, EventData f, EventData details, String dateField) {
        LocalDate date = details.parsed(dateField, LocalDate::parse);
        String p = event.partnershipId();
        EngagementRow e = new EngagementRow(
                p,
                f.text("engagementId"),
                details.text("type"),
                details.text("title"),
                date,
                FinancialQuarter.of(date).label(),
                details.optionalInteger("attendance"),
                details.optionalInteger("reach"),
                details.integers("priorities"),
                event.time().atOffset(ZoneOffset.UTC),
                true,
                false);
        engagements.put(List.of(p, e.id()), e);
    }

    Collection<EngagementRow> engagements() {
        return engagements.values();
    }
}
