package org.csp.engagement.consultation;

import java.time.LocalDate;
import java.util.List;
import org.csp.contracts.EngagementEventTypes;
import org.csp.eventsourcing.EventTypes;

/**
 * What can happen to a consultation or survey. Its published results are aggregate figures per question; no
 * individual response is ever stored here. measures-service turns published results that name an indicator
 * (feel safe after dark, ASB better or the same) into data points of the perception indicators.
 */
public sealed interface ConsultationEvent {

    EventTypes<ConsultationEvent> TYPES = EventTypes.<ConsultationEvent>builder()
            .register(EngagementEventTypes.CONSULTATION_OPENED_V1, ConsultationOpened.class)
            .register(EngagementEventTypes.CONSULTATION_CLOSED_V1, ConsultationClosed.class)
            .register(EngagementEventTypes.RESULTS_PUBLISHED_V1, ResultsPublished.class)
            .build();

    String consultationId();

    /** A question as asked: a short code and its wording. */
    record Question(String code, String text) {}

    /**
     * A question's aggregate result: the percentage agreeing (0–100) and the number of respondents it is based on;
     * {@code indicator}, when set, is the measures-service indicator code the figure is a value of.
     */
    record Result(String question, String indicator, double percentage, int sampleSize) {}

    /** {@code kind}: consultation or survey; {@code plannedClose} the date it is meant to close. */
    record ConsultationOpened(
            String consultationId,
            String kind,
            String title,
            LocalDate opensOn,
            LocalDate plannedClose,
            List<Integer> priorities,
            List<Question> questions)
            implements ConsultationEvent {}

    record ConsultationClosed(String consultationId, LocalDate closedOn) implements ConsultationEvent {}

    /**
     * The published results for {@code period} (a financial year "2024/25" or quarter "2024/25 Q3") and
     * {@code geography} (a GSS code); a later publication corrects an earlier one.
     */
    record ResultsPublished(
            String consultationId, LocalDate publishedOn, String period, String geography, List<Result> results)
            implements ConsultationEvent {}
}
