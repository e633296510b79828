package org.csp.engagement.consultation;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.consultation.ConsultationEvent.Question;
import org.csp.engagement.consultation.ConsultationEvent.Result;

/** What can be asked of a consultation or survey; the request's fields arrive validated. */
public sealed interface ConsultationCommand {

    String consultationId();

    /** Open a consultation or survey ({@code kind}) with its questions; the same again changes nothing. */
    record OpenConsultation(
            String consultationId,
            String kind,
            String title,
            LocalDate opensOn,
            LocalDate plannedClose,
            List<Integer> priorities,
            List<Question> questions)
            implements ConsultationCommand {}

    record CloseConsultation(String consultationId, LocalDate closedOn) implements ConsultationCommand {}

    /** Publish its aggregate results for a period and geography; a later publication corrects an earlier one. */
    record PublishResults(
            String consultationId, LocalDate publishedOn, String period, String geography, List<Result> results)
            implements ConsultationCommand {}
}
