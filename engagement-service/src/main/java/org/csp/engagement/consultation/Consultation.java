package org.csp.engagement.consultation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.csp.engagement.consultation.ConsultationCommand.CloseConsultation;
import org.csp.engagement.consultation.ConsultationCommand.OpenConsultation;
import org.csp.engagement.consultation.ConsultationCommand.PublishResults;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationClosed;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationOpened;
import org.csp.engagement.consultation.ConsultationEvent.Question;
import org.csp.engagement.consultation.ConsultationEvent.Result;
import org.csp.engagement.consultation.ConsultationEvent.ResultsPublished;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

/**
 * A consultation or survey's lifecycle: open → closed → results published (published again, as corrections). Each
 * stage is a state record holding what that stage knows; the query table keeps it as JSON named by {@code stage}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Consultation.NotOpened.class, name = "not-opened"),
    @JsonSubTypes.Type(value = Consultation.Open.class, name = "open"),
    @JsonSubTypes.Type(value = Consultation.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = Consultation.Published.class, name = "results-published")
})
public sealed interface Consultation {

    /** What a consultation asks and when, fixed when it opens: {@code kind} consultation or survey. */
    record Terms(
            String kind,
            String title,
            LocalDate opensOn,
            LocalDate plannedClose,
            List<Integer> priorities,
            List<Question> questions) {}

    /** The aggregate results published for {@code period} and {@code geography}. */
    record Results(LocalDate publishedOn, String period, String geography, List<Result> results) {}

    /** A consultation that was opened, at any later stage. */
    sealed interface Opened extends Consultation {
        String id();

        Terms terms();
    }

    /** Nothing was opened under this id. */
    record NotOpened() implements Consultation {}

    record Open(String id, Terms terms) implements Opened {}

    record Closed(String id, Terms terms, LocalDate closedOn) implements Opened {}

    record Published(String id, Terms terms, LocalDate closedOn, Results results) implements Opened {}

    Decider<ConsultationCommand, ConsultationEvent, Consultation> DECIDER = new Decider<>() {
        @Override
        public Consultation initialState() {
            return new NotOpened();
        }

        @Override
        public Consultation evolve(Consultation s, ConsultationEvent event) {
            return switch (event) {
                case ConsultationOpened e ->
                    new Open(
                            e.consultationId(),
                            new Terms(
                                    e.kind(), e.title(), e.opensOn(), e.plannedClose(), e.priorities(), e.questions()));
                case ConsultationClosed e ->
                    switch (s) {
                        case Open o -> new Closed(o.id(), o.terms(), e.closedOn());
                        default -> throw outOfOrder(s, e);
                    };
                case ResultsPublished e ->
                    switch (s) {
                        case Closed c -> new Published(c.id(), c.terms(), c.closedOn(), results(e));
                        case Published p -> new Published(p.id(), p.terms(), p.closedOn(), results(e));
                        default -> throw outOfOrder(s, e);
                    };
            };
        }

        @Override
        public List<ConsultationEvent> decide(ConsultationCommand command, Consultation s) {
            return switch (command) {
                case OpenConsultation open ->
                    switch (s) {
                        case NotOpened none ->
                            List.of(new ConsultationOpened(
                                    open.consultationId(),
                                    open.kind(),
                                    open.title(),
                                    open.opensOn(),
                                    open.plannedClose(),
                                    open.priorities(),
                                    open.questions()));
                        case Opened o when o.terms().equals(terms(open)) -> List.of();
                        case Opened o ->
                            throw new CommandRejected(
                                    "consultation-exists", "Consultation '" + o.id() + "' exists already.");
                    };
                case CloseConsultation close ->
                    switch (s) {
                        case NotOpened none -> throw notOpened(close);
                        case Open o -> {
                            if (close.closedOn().isBefore(o.terms().opensOn())) {
                                throw CommandRejected.invalid(
                                        "closedOn",
                                        "must not be before it opened ("
                                                + o.terms().opensOn() + ")");
                            }
                            yield List.of(new ConsultationClosed(o.id(), close.closedOn()));
                        }
                        case Closed c -> throw closedAlready(c.closedOn());
                        case Published p -> throw closedAlready(p.closedOn());
                    };
                case PublishResults publish ->
                    switch (s) {
                        case NotOpened none -> throw notOpened(publish);
                        case Open open ->
                            throw new CommandRejected(
                                    "consultation-open", "Close the consultation before publishing its results.");
                        case Closed c -> decidePublish(publish, c, c.closedOn(), null);
                        case Published p -> decidePublish(publish, p, p.closedOn(), p.results());
                    };
            };
        }
    };

    private static List<ConsultationEvent> decidePublish(
            PublishResults publish, Opened s, LocalDate closedOn, Results current) {
        if (publish.publishedOn().isBefore(closedOn)) {
            throw CommandRejected.invalid("publishedOn", "must not be before it closed (" + closedOn + ")");
        }
        Set<String> asked = s.terms().questions().stream().map(Question::code).collect(Collectors.toSet());
        for (int i = 0; i < publish.results().size(); i++) {
            if (!asked.contains(publish.results().get(i).question())) {
                throw CommandRejected.invalid(
                        "results[" + i + "].question", "is not a question of this consultation " + asked);
            }
        }
        Results results = new Results(publish.publishedOn(), publish.period(), publish.geography(), publish.results());
        return results.equals(current)
                ? List.of()
                : List.of(new ResultsPublished(
                        s.id(), results.publishedOn(), results.period(), results.geography(), results.results()));
    }

    private static Terms terms(OpenConsultation open) {
        return new Terms(
                open.kind(), open.title(), open.opensOn(), open.plannedClose(), open.priorities(), open.questions());
    }

    private static Results results(ResultsPublished e) {
        return new Results(e.publishedOn(), e.period(), e.geography(), e.results());
    }

    private static CommandRejected notOpened(ConsultationCommand command) {
        return CommandRejected.notDefined("There is no consultation '" + command.consultationId() + "'.");
    }

    private static CommandRejected closedAlready(LocalDate closedOn) {
        return new CommandRejected("consultation-closed", "The consultation closed on " + closedOn + ".");
    }

    /** A stored stream the decider could not have written: fail loudly rather than fold it into a wrong state. */
    private static IllegalStateException outOfOrder(Consultation s, ConsultationEvent e) {
        return new IllegalStateException(
                e.getClass().getSimpleName() + " cannot follow " + s.getClass().getSimpleName());
    }
}
