package org.csp.engagement.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.csp.engagement.consultation.ConsultationCommand.CloseConsultation;
import org.csp.engagement.consultation.ConsultationCommand.OpenConsultation;
import org.csp.engagement.consultation.ConsultationCommand.PublishResults;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationClosed;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationOpened;
import org.csp.engagement.consultation.ConsultationEvent.Question;
import org.csp.engagement.consultation.ConsultationEvent.Result;
import org.csp.engagement.consultation.ConsultationEvent.ResultsPublished;
import org.csp.eventsourcing.StateJson;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class ConsultationDeciderTest {

    static final String ID = "2024-residents-survey";
    static final ConsultationOpened OPENED = new ConsultationOpened(
            ID,
            "survey",
            "Residents' community safety survey 2024",
            LocalDate.of(2024, 6, 1),
            LocalDate.of(2024, 7, 31),
            List.of(4),
            List.of(
                    new Question("Q1", "How safe do you feel in your local area after dark?"),
                    new Question(
                            "Q2", "Has anti-social behaviour in your area got better, stayed the same or got worse?")));
    static final ConsultationClosed CLOSED = new ConsultationClosed(ID, LocalDate.of(2024, 7, 31));
    static final ResultsPublished RESULTS = new ResultsPublished(
            ID,
            LocalDate.of(2024, 9, 1),
            "2024/25",
            "E07000082",
            List.of(
                    new Result("Q1", "FEEL-SAFE-AFTER-DARK", 71.5, 812),
                    new Result("Q2", "ASB-BETTER-OR-SAME", 83.0, 790)));

    static final OpenConsultation OPEN = new OpenConsultation(
            ID,
            OPENED.kind(),
            OPENED.title(),
            OPENED.opensOn(),
            OPENED.plannedClose(),
            OPENED.priorities(),
            OPENED.questions());
    static final PublishResults PUBLISH =
            new PublishResults(ID, RESULTS.publishedOn(), RESULTS.period(), RESULTS.geography(), RESULTS.results());

    private static final DeciderSpec<ConsultationCommand, ConsultationEvent, Consultation> CONSULTATION =
            DeciderSpec.of(Consultation.DECIDER);

    @Test
    void openCloseAndPublish() {
        CONSULTATION.given().when(OPEN).then(OPENED);
        CONSULTATION.given(OPENED).when(OPEN).thenNothing();
        CONSULTATION
                .given(OPENED)
                .when(new CloseConsultation(ID, CLOSED.closedOn()))
                .then(CLOSED);
        CONSULTATION.given(OPENED, CLOSED).when(PUBLISH).then(RESULTS);
        CONSULTATION.given(OPENED, CLOSED, RESULTS).when(PUBLISH).thenNothing();
    }

    @Test
    void resultsComeAfterTheCloseAndAnswerItsQuestions() {
        CONSULTATION.given(OPENED).when(PUBLISH).thenRejected("consultation-open");
        CONSULTATION
                .given(OPENED, CLOSED)
                .when(new PublishResults(
                        ID, LocalDate.of(2024, 9, 1), "2024/25", "E07000082", List.of(new Result("Q9", null, 50, 10))))
                .thenInvalid("results[0].question");
        CONSULTATION
                .given(OPENED, CLOSED)
                .when(new CloseConsultation(ID, LocalDate.of(2024, 8, 1)))
                .thenRejected("consultation-closed");
        CONSULTATION
                .given(OPENED)
                .when(new CloseConsultation(ID, LocalDate.of(2024, 5, 1)))
                .thenInvalid("closedOn");
        CONSULTATION
                .given()
                .when(new CloseConsultation(ID, LocalDate.of(2024, 5, 1)))
                .thenRejected("not-defined");
    }

    @Test
    void eachStageIsItsOwnState() {
        CONSULTATION.given().thenState(state -> assertInstanceOf(Consultation.NotOpened.class, state));
        CONSULTATION
                .given(OPENED)
                .thenState(state -> assertEquals(
                        new Consultation.Open(
                                ID,
                                new Consultation.Terms(
                                        OPENED.kind(),
                                        OPENED.title(),
                                        OPENED.opensOn(),
                                        OPENED.plannedClose(),
                                        OPENED.priorities(),
                                        OPENED.questions())),
                        state));
        CONSULTATION
                .given(OPENED, CLOSED)
                .thenState(state -> assertEquals(
                        CLOSED.closedOn(),
                        assertInstanceOf(Consultation.Closed.class, state).closedOn()));
        CONSULTATION.given(OPENED, CLOSED, RESULTS).thenState(state -> {
            Consultation.Published published = assertInstanceOf(Consultation.Published.class, state);
            assertEquals(CLOSED.closedOn(), published.closedOn());
            assertEquals(RESULTS.results(), published.results().results());
        });
    }

    @Test
    void aLaterPublicationCorrectsTheResultsAndAPublishedConsultationStaysClosed() {
        ResultsPublished corrected = new ResultsPublished(
                ID,
                LocalDate.of(2024, 9, 8),
                "2024/25",
                "E07000082",
                List.of(new Result("Q1", "FEEL-SAFE-AFTER-DARK", 72.0, 815)));
        CONSULTATION
                .given(OPENED, CLOSED, RESULTS)
                .when(new PublishResults(
                        ID, corrected.publishedOn(), corrected.period(), corrected.geography(), corrected.results()))
                .then(corrected);
        CONSULTATION
                .given(OPENED, CLOSED, RESULTS, corrected)
                .thenState(state -> assertEquals(
                        corrected.results(),
                        assertInstanceOf(Consultation.Published.class, state)
                                .results()
                                .results()));
        CONSULTATION
                .given(OPENED, CLOSED, RESULTS)
                .when(new CloseConsultation(ID, LocalDate.of(2024, 9, 2)))
                .thenRejected("consultation-closed");
        CONSULTATION
                .given(OPENED, CLOSED)
                .when(new PublishResults(ID, LocalDate.of(2024, 7, 30), "2024/25", "E07000082", RESULTS.results()))
                .thenInvalid("publishedOn");
    }

    @Test
    void openingAgainIsARetryOnlyWithTheSameTerms() {
        CONSULTATION.given(OPENED, CLOSED).when(OPEN).thenNothing();
        CONSULTATION
                .given(OPENED)
                .when(new OpenConsultation(
                        ID,
                        "consultation",
                        OPENED.title(),
                        OPENED.opensOn(),
                        OPENED.plannedClose(),
                        OPENED.priorities(),
                        OPENED.questions()))
                .thenRejected("consultation-exists");
    }

    /** A history the decider could not have written fails loudly instead of folding into a wrong stage. */
    @Test
    void eventsOutOfOrderDoNotFold() {
        assertThrows(IllegalStateException.class, () -> Consultation.DECIDER.fold(List.of(OPENED, RESULTS)));
        assertThrows(IllegalStateException.class, () -> Consultation.DECIDER.fold(List.of(CLOSED)));
    }

    /** The query table keeps each stage as JSON named by its stage, and reads it back as the same state. */
    @Test
    void everyStateReadsBackFromItsJson() {
        List<List<ConsultationEvent>> histories =
                List.of(List.of(), List.of(OPENED), List.of(OPENED, CLOSED), List.of(OPENED, CLOSED, RESULTS));
        for (List<ConsultationEvent> history : histories) {
            Consultation state = Consultation.DECIDER.fold(history);
            assertEquals(state, StateJson.read(StateJson.write(state), Consultation.class));
        }
        assertEquals(
                "closed",
                StateJson.write(Consultation.DECIDER.fold(List.of(OPENED, CLOSED)))
                        .getString("stage"));
    }
}
