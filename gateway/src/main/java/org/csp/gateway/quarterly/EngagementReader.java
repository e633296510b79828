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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import org.csp.gateway.quarterly.QuarterlyTables.CaseReviewRow;
import org.csp.gateway.quarterly.QuarterlyTables.ConsultationRow;
import org.csp.gateway.quarterly.QuarterlyTables.EngagementRow;

/**
 * engagement-service's records as the view's rows, the latest per record in a batch: recorded (v1, flat, and v2),
 * amended (which moves its counts) and withdrawn (which takes them off), each with its priorities, attendance, reach
 * and when it was first recorded; consultations and surveys (opened with their priorities and questions, closed,
 * their results published: percentages and sample sizes); ASB case reviews, of which only dates and outcomes (received,
 * the threshold decided, closed), never their text. Follow-ups and the case reviews' meetings and recommendations are
 * not part of this view.
 */
final class EngagementReader {

    static final Set<String> APPLIED = Set.of(
            ENGAGEMENT_RECORDED_V1,
            ENGAGEMENT_RECORDED_V2,
            ENGAGEMENT_RECORDED_V3,
            ENGAGEMENT_AMENDED_V1,
            ENGAGEMENT_AMENDED_V2,
            ENGAGEMENT_WITHDRAWN_V1,
            CONSULTATION_OPENED_V1,
            CONSULTATION_CLOSED_V1,
            RESULTS_PUBLISHED_V1,
            CASE_REVIEW_RECEIVED_V1,
            THRESHOLD_DECIDED_V1,
            CASE_REVIEW_CLOSED_V1);

    /** Follow-ups, and the case reviews' meetings and recommendations (the view counts only dates and outcomes). */
    static final Set<String> IGNORED = Set.of(FOLLOW_UP_ADDED_V1, MEETING_HELD_V1, RECOMMENDATIONS_RECORDED_V1);

    private final Map<List<String>, EngagementRow> engagements = new LinkedHashMap<>();
    private final Map<List<String>, ConsultationRow> consultations = new LinkedHashMap<>();
    private final Map<List<String>, CaseReviewRow> caseReviews = new LinkedHashMap<>();

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
            case CONSULTATION_OPENED_V1 -> {
                ArrayNode questions = JsonNodeFactory.instance.arrayNode();
                for (EventData q : f.objects("questions")) {
                    questions.addObject().put("code", q.text("code")).put("text", q.text("text"));
                }
                consultation(new ConsultationRow(
                        p,
                        f.text("consultationId"),
                        f.text("kind"),
                        f.text("title"),
                        f.integers("priorities").toString(),
                        f.parsed("opensOn", LocalDate::parse),
                        f.parsed("plannedClose", LocalDate::parse),
                        null,
                        questions.toString(),
                        null,
                        null));
            }
            case CONSULTATION_CLOSED_V1 ->
                consultation(new ConsultationRow(
                        p,
                        f.text("consultationId"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        f.parsed("closedOn", LocalDate::parse),
                        null,
                        null,
                        null));
            case RESULTS_PUBLISHED_V1 -> {
                ArrayNode results = JsonNodeFactory.withExactBigDecimals(true).arrayNode();
                for (EventData r : f.objects("results")) {
                    results.addObject()
                            .put("question", r.text("question"))
                            .put("percentage", r.decimal("percentage"))
                            .put("sampleSize", r.optionalInteger("sampleSize"));
                }
                consultation(new ConsultationRow(
                        p,
                        f.text("consultationId"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        results.toString(),
                        f.parsed("publishedOn", LocalDate::parse)));
            }
            case CASE_REVIEW_RECEIVED_V1 ->
                caseReview(new CaseReviewRow(
                        p, f.text("caseReference"), f.parsed("receivedOn", LocalDate::parse), null, null, null, null));
            case THRESHOLD_DECIDED_V1 -> {
                Boolean met = f.optionalBoolean("met");
                if (met == null) {
                    throw f.unprocessable("met", "is missing");
                }
                caseReview(new CaseReviewRow(
                        p, f.text("caseReference"), null, f.parsed("decidedOn", LocalDate::parse), met, null, null));
            }
            case CASE_REVIEW_CLOSED_V1 ->
                caseReview(new CaseReviewRow(
                        p,
                        f.text("caseReference"),
                        null,
                        null,
                        null,
                        f.parsed("closedOn", LocalDate::parse),
                        f.text("outcome")));
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

    private void consultation(ConsultationRow row) {
        consultations.merge(List.of(row.partnership(), row.id()), row, ConsultationRow::then);
    }

    private void caseReview(CaseReviewRow row) {
        caseReviews.merge(List.of(row.partnership(), row.reference()), row, CaseReviewRow::then);
    }

    Collection<ConsultationRow> consultations() {
        return consultations.values();
    }

    Collection<CaseReviewRow> caseReviews() {
        return caseReviews.values();
    }

    Collection<EngagementRow> engagements() {
        return engagements.values();
    }
}
