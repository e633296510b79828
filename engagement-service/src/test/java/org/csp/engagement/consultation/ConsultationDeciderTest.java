package org.csp.engagement.consultation;

import org.csp.engagement.consultation.ConsultationEvent.ConsultationClosed;
import org.csp.engagement.consultation.ConsultationEvent.ConsultationOpened;
import org.csp.engagement.consultation.ConsultationEvent.Question;
import org.csp.engagement.consultation.ConsultationEvent.Result;
import org.csp.engagement.consultation.ConsultationEvent.ResultsPublished;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class ConsultationDeciderTest {

    static final String ID = "2024-residents-survey";
    static final ConsultationOpened OPENED = new ConsultationOpened(ID, "survey", "Residents' community safety survey 2024",
            LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 31), List.of(4),
            List.of(new Question("Q1", "How safe do you feel in your local area after dark?"),
                    new Question("Q2", "Has anti-social behaviour in your area got better, stayed the same or got worse?")));
    static final ConsultationClosed CLOSED = new ConsultationClosed(ID, LocalDate.of(2024, 7, 31));
    static final ResultsPublished RESULTS = new ResultsPublished(ID, LocalDate.of(2024, 9, 1), "2024/25", "E07000082",
            List.of(new Result("Q1", "FEEL-SAFE-AFTER-DARK", 71.5, 812), new Result("Q2", "ASB-BETTER-OR-SAME", 83.0, 790)));

    private static final DeciderSpec<Consultation.Command, ConsultationEvent, Consultation> CONSULTATION =
            DeciderSpec.of(Consultation.DECIDER);

    @Test
    void openCloseAndPublish() {
        CONSULTATION.given().when(new Consultation.Command.Open(OPENED)).then(OPENED);
        CONSULTATION.given(OPENED).when(new Consultation.Command.Open(OPENED)).thenNothing();
        CONSULTATION.given(OPENED).when(new Consultation.Command.Close(ID, CLOSED.closedOn())).then(CLOSED);
        CONSULTATION.given(OPENED, CLOSED).when(new Consultation.Command.Publish(RESULTS)).then(RESULTS);
        CONSULTATION.given(OPENED, CLOSED, RESULTS).when(new Consultation.Command.Publish(RESULTS)).thenNothing();
    }

    @Test
    void resultsComeAfterTheCloseAndAnswerItsQuestions() {
        CONSULTATION.given(OPENED).when(new Consultation.Command.Publish(RESULTS)).thenRejected("consultation-open");
        CONSULTATION.given(OPENED, CLOSED).when(new Consultation.Command.Publish(new ResultsPublished(ID, LocalDate.of(2024, 9, 1),
                "2024/25", "E07000082", List.of(new Result("Q9", null, 50, 10))))).thenInvalid("results[0].question");
        CONSULTATION.given(OPENED, CLOSED).when(new Consultation.Command.Close(ID, LocalDate.of(2024, 8, 1))).thenRejected("consultation-closed");
        CONSULTATION.given(OPENED).when(new Consultation.Command.Close(ID, LocalDate.of(2024, 5, 1))).thenInvalid("closedOn");
        CONSULTATION.given().when(new Consultation.Command.Close(ID, LocalDate.of(2024, 5, 1))).thenRejected("not-defined");
    }
}
