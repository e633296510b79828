package org.csp.engagement.consultation;

import org.csp.engagement.consultation.ConsultationEvent.ConsultationClosed;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationOpened;
import org.csp.engagement.consultation.ConsultationEvent.ResultsPublished;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A consultation or survey: opened, closed, its results published (again, as corrections). */
public record Consultation(ConsultationOpened opened, LocalDate closedOn, ResultsPublished results) {

    /** What can be asked of a consultation. */
    public sealed interface Command {
        String consultationId();

        record Open(ConsultationOpened opened) implements Command {
            public String consultationId() {
                return opened.consultationId();
            }
        }

        record Close(String consultationId, LocalDate closedOn) implements Command {
        }

        record Publish(ResultsPublished results) implements Command {
            public String consultationId() {
                return results.consultationId();
            }
        }
    }

    public static final Decider<Command, ConsultationEvent, Consultation> DECIDER = new Decider<>() {
        @Override
        public Consultation initialState() {
            return new Consultation(null, null, null);
        }

        @Override
        public Consultation evolve(Consultation s, ConsultationEvent event) {
            return switch (event) {
                case ConsultationOpened e -> new Consultation(e, null, null);
                case ConsultationClosed e -> new Consultation(s.opened, e.closedOn(), s.results);
                case ResultsPublished e -> new Consultation(s.opened, s.closedOn, e);
            };
        }

        @Override
        public List<ConsultationEvent> decide(Command command, Consultation s) {
            if (command instanceof Command.Open open) {
                if (s.exists()) {
                    if (s.opened.equals(open.opened())) {
                        return List.of();
                    }
                    throw new CommandRejected("consultation-exists", "Consultation '" + open.consultationId() + "' exists already.");
                }
                return List.of(open.opened());
            }
            if (!s.exists()) {
                throw CommandRejected.notDefined("There is no consultation '" + command.consultationId() + "'.");
            }
            return switch (command) {
                case Command.Open ignored -> throw new IllegalStateException("handled above");
                case Command.Close close -> {
                    if (s.closedOn != null) {
                        throw new CommandRejected("consultation-closed", "The consultation closed on " + s.closedOn + ".");
                    }
                    if (close.closedOn().isBefore(s.opened.opensOn())) {
                        throw CommandRejected.invalid("closedOn", "must not be before it opened (" + s.opened.opensOn() + ")");
                    }
                    yield List.of(new ConsultationClosed(s.opened.consultationId(), close.closedOn()));
                }
                case Command.Publish publish -> {
                    if (s.closedOn == null) {
                        throw new CommandRejected("consultation-open", "Close the consultation before publishing its results.");
                    }
                    ResultsPublished results = publish.results();
                    if (results.publishedOn().isBefore(s.closedOn)) {
                        throw CommandRejected.invalid("publishedOn", "must not be before it closed (" + s.closedOn + ")");
                    }
                    Set<String> asked = s.opened.questions().stream().map(ConsultationEvent.Question::code).collect(Collectors.toSet());
                    for (int i = 0; i < results.results().size(); i++) {
                        if (!asked.contains(results.results().get(i).question())) {
                            throw CommandRejected.invalid("results[" + i + "].question", "is not a question of this consultation " + asked);
                        }
                    }
                    yield results.equals(s.results) ? List.of() : List.of(results);
                }
            };
        }
    };

    public boolean exists() {
        return opened != null;
    }
}
