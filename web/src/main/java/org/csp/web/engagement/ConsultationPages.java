package org.csp.web.engagement;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.csp.web.display.Tag;
import org.csp.web.display.Words;

/** The consultations' list and a consultation's page, with its published results (pure). */
public final class ConsultationPages {

    private ConsultationPages() {}

    /** The consultations and surveys, the latest opened first. */
    public record ListPage(List<Row> rows) {}

    public record Row(String id, String title, String kind, String opens, String closes, Tag status) {}

    /** A consultation: its terms, its questions and, once published, its results question by question. */
    public record Page(
            String id,
            String title,
            String kind,
            Tag status,
            List<EngagementPage.Field> fields,
            List<Question> questions,
            Results results) {}

    public record Question(String code, String text) {}

    /** The published results: when, for which period and area, and each question's answer. */
    public record Results(String publishedOn, String period, String geography, List<Result> results) {}

    /** A question's result: its text, the percentage agreeing, of how many respondents, the indicator it measures. */
    public record Result(String question, String percentage, String sampleSize, String indicator) {}

    public static ListPage list(List<ConsultationBody> consultations) {
        return new ListPage(consultations.stream()
                .sorted(Comparator.comparing(
                                ConsultationBody::opensOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .map(c -> new Row(
                        c.id(),
                        c.title(),
                        kind(c.kind()),
                        EngagementWords.date(c.opensOn(), "Not set"),
                        closes(c),
                        EngagementWords.consultation(c.status())))
                .toList());
    }

    public static Page page(ConsultationBody c, Map<Integer, String> priorities) {
        Map<String, String> questions = c.questions().stream()
                .filter(q -> q.code() != null)
                .collect(Collectors.toMap(
                        ConsultationBody.Question::code, ConsultationBody.Question::text, (a, b) -> a));
        Results results = c.results() == null
                ? null
                : new Results(
                        EngagementWords.date(c.results().publishedOn(), "Not recorded"),
                        Objects.requireNonNullElse(c.results().period(), "Not recorded"),
                        Objects.requireNonNullElse(c.results().geography(), "Not recorded"),
                        c.results().results().stream()
                                .map(r -> new Result(
                                        questions.containsKey(r.question())
                                                ? r.question() + ": " + questions.get(r.question())
                                                : r.question(),
                                        Words.number(BigDecimal.valueOf(r.percentage())) + "%",
                                        Words.number(r.sampleSize()),
                                        r.indicator() == null ? "None" : r.indicator()))
                                .toList());
        return new Page(
                c.id(),
                c.title(),
                kind(c.kind()),
                EngagementWords.consultation(c.status()),
                List.of(
                        new EngagementPage.Field("Kind", kind(c.kind())),
                        new EngagementPage.Field("Opens", EngagementWords.date(c.opensOn(), "Not set")),
                        new EngagementPage.Field("Closes", closes(c)),
                        new EngagementPage.Field(
                                "Priorities",
                                c.priorities().isEmpty()
                                        ? "None"
                                        : c.priorities().stream()
                                                .map(priorityWords(priorities))
                                                .collect(Collectors.joining("; ")))),
                c.questions().stream()
                        .map(q -> new Question(q.code(), q.text()))
                        .toList(),
                results);
    }

    private static Function<Integer, String> priorityWords(Map<Integer, String> priorities) {
        return n -> priorities.containsKey(n) ? "Priority " + n + ": " + priorities.get(n) : "Priority " + n;
    }

    /** "Closed on 31 July 2024", "Planned for 31 July 2024" or "No closing date set". */
    static String closes(ConsultationBody c) {
        if (c.closedOn() != null) {
            return "Closed on " + EngagementWords.date(c.closedOn(), "");
        }
        if (c.plannedClose() != null) {
            return "Planned for " + EngagementWords.date(c.plannedClose(), "");
        }
        return "No closing date set";
    }

    static String kind(String kind) {
        if (kind == null) {
            return "Not recorded";
        }
        return switch (kind) {
            case "consultation" -> "Consultation";
            case "survey" -> "Survey";
            default -> kind;
        };
    }
}
