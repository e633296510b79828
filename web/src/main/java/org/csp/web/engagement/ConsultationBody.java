package org.csp.web.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation or survey as engagement-service answers it ({@code GET /api/consultations}): {@code status} open,
 * closed or results-published, and its latest published results, if any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsultationBody(
        String id,
        String kind,
        String title,
        LocalDate opensOn,
        LocalDate plannedClose,
        LocalDate closedOn,
        String status,
        List<Integer> priorities,
        List<Question> questions,
        Results results) {

    public ConsultationBody {
        priorities = priorities == null ? List.of() : priorities;
        questions = questions == null ? List.of() : questions;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String code, String text) {}

    /** When the results were published, for which period ("2024/25") and area (GSS code), question by question. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Results(LocalDate publishedOn, String period, String geography, List<Result> results) {

        public Results {
            results = results == null ? List.of() : results;
        }
    }

    /** A question's result: the percentage agreeing of how many respondents, and the indicator it measures, if any. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String question, String indicator, double percentage, int sampleSize) {}
}
