package org.csp.web.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsultationAndCaseReviewPagesTest {

    private static ConsultationBody consultation(String id, LocalDate opens, ConsultationBody.Results results) {
        return new ConsultationBody(
                id,
                "survey",
                "Residents' survey " + id,
                opens,
                opens.plusMonths(2),
                results == null ? null : opens.plusMonths(2),
                results == null ? "open" : "results-published",
                List.of(4),
                List.of(
                        new ConsultationBody.Question("Q1", "Do you feel safe after dark?"),
                        new ConsultationBody.Question("Q2", "Has ASB got better?")),
                results);
    }

    @Test
    void consultationsAreListedLatestFirstWithTheirStage() {
        ConsultationPages.ListPage page = ConsultationPages.list(List.of(
                consultation("2023", LocalDate.of(2023, 6, 1), null),
                consultation("2024", LocalDate.of(2024, 6, 1), null)));
        assertEquals(
                List.of("2024", "2023"),
                page.rows().stream().map(ConsultationPages.Row::id).toList());
        assertEquals("Open", page.rows().get(0).status().text());
        assertEquals("Planned for 1 August 2024", page.rows().get(0).closes());
        assertEquals("Survey", page.rows().get(0).kind());
    }

    @Test
    void publishedResultsAreShownQuestionByQuestionWithTheQuestionsWords() {
        ConsultationPages.Page page = ConsultationPages.page(
                consultation(
                        "2024",
                        LocalDate.of(2024, 6, 1),
                        new ConsultationBody.Results(
                                LocalDate.of(2024, 9, 1),
                                "2024/25",
                                "E07000082",
                                List.of(
                                        new ConsultationBody.Result("Q1", "FEEL-SAFE-DARK", 71.25, 1043),
                                        new ConsultationBody.Result("Q3", null, 50, 12)))),
                Map.of(4, "Build confidence"));
        assertEquals("Results published", page.status().text());
        assertEquals("1 September 2024", page.results().publishedOn());
        ConsultationPages.Result first = page.results().results().get(0);
        assertEquals("Q1: Do you feel safe after dark?", first.question());
        assertEquals("71.25%", first.percentage());
        assertEquals("1,043", first.sampleSize());
        assertEquals("FEEL-SAFE-DARK", first.indicator());
        ConsultationPages.Result unknown = page.results().results().get(1);
        assertEquals("Q3", unknown.question(), "a question the consultation does not list: its code");
        assertEquals("50%", unknown.percentage());
        assertEquals("None", unknown.indicator());
        assertEquals("Priority 4: Build confidence", page.fields().get(3).value());
    }

    @Test
    void aConsultationWithoutResultsHasNone() {
        assertNull(ConsultationPages.page(consultation("2024", LocalDate.of(2024, 6, 1), null), Map.of())
                .results());
    }

    @Test
    void caseReviewsShowTheirStageDecisionAndTimelinessAndSayWhenTextWasRemoved() {
        CaseReviewBody received = new CaseReviewBody(
                "ASB-CR-2024-002",
                "received",
                LocalDate.of(2024, 5, 2),
                List.of(),
                null,
                null,
                null,
                null,
                new CaseReviewBody.Timeliness(null, null),
                false);
        CaseReviewBody closed = new CaseReviewBody(
                "ASB-CR-2024-001",
                "closed",
                LocalDate.of(2024, 4, 1),
                List.of("Stroud District Council"),
                new CaseReviewBody.Decision(LocalDate.of(2024, 4, 11), true, "three complaints in six months", null),
                new CaseReviewBody.Meeting(LocalDate.of(2024, 4, 20), List.of("Police")),
                new CaseReviewBody.Recommendations(LocalDate.of(2024, 4, 21), 2, null),
                new CaseReviewBody.Closure(LocalDate.of(2024, 6, 1), "actions-agreed", null),
                new CaseReviewBody.Timeliness(10L, 61L),
                true);
        CaseReviewPages.ListPage list = CaseReviewPages.list(List.of(closed, received));
        assertEquals(
                List.of("ASB-CR-2024-002", "ASB-CR-2024-001"),
                list.rows().stream().map(CaseReviewPages.Row::reference).toList());
        assertEquals("Not decided yet", list.rows().get(0).decision());
        assertEquals("Not yet", list.rows().get(0).daysToDecision());
        assertEquals("Threshold met", list.rows().get(1).decision());
        assertEquals("10 days", list.rows().get(1).daysToDecision());
        assertEquals("Actions agreed", list.rows().get(1).outcome());

        CaseReviewPages.Page page = CaseReviewPages.page(closed);
        assertTrue(page.freeTextRemoved());
        assertEquals(List.of(), page.recommendations());
        assertEquals(
                "Removed under the retention policy",
                page.fields().stream()
                        .filter(f -> f.key().equals("Summary"))
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals(
                "21 April 2024 (2)",
                page.fields().stream()
                        .filter(f -> f.key().equals("Recommendations recorded"))
                        .findFirst()
                        .orElseThrow()
                        .value());
    }
}
