package org.csp.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.TreeSet;
import org.csp.engagement.casereview.CaseReviewEvent;
import org.csp.engagement.consultation.ConsultationEvent;
import org.csp.engagement.engagement.EngagementEvent;
import org.csp.eventsourcing.EventTypes;
import org.junit.jupiter.api.Test;

/**
 * No event of this service has a field that could hold personal data beyond the checked free text: every text field
 * of every event is listed here with why it is safe. A new text field fails this test until it is checked (refused
 * when it holds personal data, sealed, or a code) and added.
 */
class PersonalDataFieldsTest {

    /** Text fields, by event type and name: ids and codes, or free text checked by Validation.publicText, or sealed. */
    private static final Set<String> REVIEWED = Set.of(
            // engagement records: id (a UUID), type and place level (codes), place GSS code (pattern-checked),
            // initiatives (pattern-checked ids), lead and participating organisations (registry ids, with the names the
            // registry gives them); title, place name, audience, outcomes, the withdrawal reason and "you said, we
            // did": checked free text
            "engagement.activity.recorded.v3 engagementId",
            "engagement.activity.amended.v2 engagementId",
            "engagement.activity.withdrawn.v1 engagementId",
            "engagement.activity.withdrawn.v1 reason",
            "engagement.activity.follow-up-added.v1 engagementId",
            "engagement.activity.follow-up-added.v1 youSaid",
            "engagement.activity.follow-up-added.v1 weDid",
            "engagement.activity.recorded.v3 details.type",
            "engagement.activity.recorded.v3 details.title",
            "engagement.activity.recorded.v3 details.place.level",
            "engagement.activity.recorded.v3 details.place.gss",
            "engagement.activity.recorded.v3 details.place.name",
            "engagement.activity.recorded.v3 details.initiatives[]",
            "engagement.activity.recorded.v3 details.leadOrganisation",
            "engagement.activity.recorded.v3 details.leadOrganisationName",
            "engagement.activity.recorded.v3 details.organisations[]",
            "engagement.activity.recorded.v3 details.organisationNames[]",
            "engagement.activity.recorded.v3 details.audience",
            "engagement.activity.recorded.v3 details.outcomes",
            "engagement.activity.amended.v2 details.type",
            "engagement.activity.amended.v2 details.title",
            "engagement.activity.amended.v2 details.place.level",
            "engagement.activity.amended.v2 details.place.gss",
            "engagement.activity.amended.v2 details.place.name",
            "engagement.activity.amended.v2 details.initiatives[]",
            "engagement.activity.amended.v2 details.leadOrganisation",
            "engagement.activity.amended.v2 details.leadOrganisationName",
            "engagement.activity.amended.v2 details.organisations[]",
            "engagement.activity.amended.v2 details.organisationNames[]",
            "engagement.activity.amended.v2 details.audience",
            "engagement.activity.amended.v2 details.outcomes",
            // consultations: id, kind, question codes, indicator codes, period and GSS geography (all pattern-checked);
            // title and question wording: checked free text. Results are numbers; no individual response is stored
            "engagement.consultation.opened.v1 consultationId",
            "engagement.consultation.opened.v1 kind",
            "engagement.consultation.opened.v1 title",
            "engagement.consultation.opened.v1 questions[].code",
            "engagement.consultation.opened.v1 questions[].text",
            "engagement.consultation.closed.v1 consultationId",
            "engagement.consultation.results-published.v1 consultationId",
            "engagement.consultation.results-published.v1 period",
            "engagement.consultation.results-published.v1 geography",
            "engagement.consultation.results-published.v1 results[].question",
            "engagement.consultation.results-published.v1 results[].indicator",
            // case reviews: the case reference (pattern-checked), agencies and threshold (checked), outcome (a code);
            // reason, recommendations and summary are Sealed (encrypted, shredded by the retention policy)
            "engagement.review.received.v1 caseReference",
            "engagement.review.received.v1 agencies[]",
            "engagement.review.threshold-decided.v1 caseReference",
            "engagement.review.threshold-decided.v1 threshold",
            "engagement.review.threshold-decided.v1 reason.sealed",
            "engagement.review.meeting-held.v1 caseReference",
            "engagement.review.meeting-held.v1 agencies[]",
            "engagement.review.recommendations-recorded.v1 caseReference",
            "engagement.review.recommendations-recorded.v1 recommendations[].sealed",
            "engagement.review.closed.v1 caseReference",
            "engagement.review.closed.v1 outcome",
            "engagement.review.closed.v1 summary.sealed");

    @Test
    void everyTextFieldOfEveryEventIsReviewed() {
        Set<String> found = new TreeSet<>();
        collect(EngagementEvent.TYPES, found);
        collect(CaseReviewEvent.TYPES, found);
        collect(ConsultationEvent.TYPES, found);
        assertEquals(new TreeSet<>(REVIEWED), found);
    }

    private static <E> void collect(EventTypes<E> types, Set<String> found) {
        for (String type : types.types()) {
            Class<?> cls = types.classOf(type);
            fields(type + " ", cls, found);
        }
    }

    private static void fields(String prefix, Class<?> cls, Set<String> found) {
        for (RecordComponent c : cls.getRecordComponents()) {
            text(prefix + c.getName(), c.getGenericType(), found);
        }
    }

    private static void text(String name, Type type, Set<String> found) {
        if (type == String.class) {
            found.add(name);
        } else if (type instanceof ParameterizedType p) {
            text(name + "[]", p.getActualTypeArguments()[0], found);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            fields(name + ".", c, found);
        }
    }
}
