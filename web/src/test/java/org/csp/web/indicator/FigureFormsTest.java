package org.csp.web.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.csp.web.form.FormError;
import org.csp.web.gateway.FormRefused;
import org.junit.jupiter.api.Test;

class FigureFormsTest {

    private static RecordedPoint.Revision revision(int n, String value, String status, String reason) {
        return new RecordedPoint.Revision(
                n,
                new BigDecimal(value),
                status,
                reason,
                "police-gloucestershire",
                OffsetDateTime.parse("2024-10-0" + n + "T09:30:00Z"));
    }

    @Test
    void onlyRevisedFiguresHaveAHistoryEachRevisionInTurn() {
        RecordedPoint once = new RecordedPoint(
                "2024-08",
                "E07000082",
                "police-gloucestershire",
                new BigDecimal("90"),
                1,
                List.of(revision(1, "90", "provisional", null)));
        RecordedPoint twice = new RecordedPoint(
                "2024-09",
                "E07000082",
                "police-gloucestershire",
                new BigDecimal("117"),
                2,
                List.of(revision(2, "117", "final", "Late crimes added"), revision(1, "112", "provisional", "")));

        List<IndicatorFigures.Revised> revised = FigureForms.revisions(List.of(twice, once), "count");

        assertEquals(2, revised.size(), "the figure reported once has no history");
        assertEquals(
                new IndicatorFigures.Revised(
                        "September 2024",
                        "police-gloucestershire",
                        1,
                        "112",
                        "Provisional",
                        "police-gloucestershire",
                        "1 October 2024, 10:30",
                        "None given"),
                revised.get(0));
        assertEquals(2, revised.get(1).revision());
        assertEquals("Final", revised.get(1).status());
        assertEquals("Late crimes added", revised.get(1).reason());
    }

    @Test
    void aFigureIsReadAsPeopleWriteItAndNothingElseIsANumber() {
        assertEquals(new BigDecimal("1234.5"), FigureForms.number(" 1,234.5 "));
        assertEquals(new BigDecimal("-12"), FigureForms.number("-12"));
        assertEquals(new BigDecimal("42"), FigureForms.number("42"));
        for (String notANumber : new String[] {null, "", "  ", "12a", "1e309", "1,23", "NaN", "0x10", "١٢", "12 000"}) {
            assertNull(FigureForms.number(notANumber), "'" + notANumber + "' is not a figure");
        }
    }

    @Test
    void everyBadRowOfAFileIsListedAndLinkedToTheFileInput() {
        FormRefused refused = new FormRefused(
                422,
                "2 rows are invalid",
                List.of(
                        new FormRefused.FieldError(2, "value", "must be a number"),
                        new FormRefused.FieldError(5, "row", "has 3 fields; the header has 4")));

        List<FormError> errors = FigureForms.uploadErrors(refused);

        assertEquals(
                List.of(
                        new FormError("csv", "Row 2, column value: must be a number"),
                        new FormError("csv", "Row 5: has 3 fields; the header has 4")),
                errors);
        assertEquals("#csv", errors.getFirst().href());
        IndicatorFigures.Form form = new IndicatorFigures.Form("/f", "/u", "k", null, errors);
        assertEquals(
                "The file has 2 problems, listed at the top of the page. Nothing in it was recorded.",
                form.error("csv"));
    }

    @Test
    void aRefusalWithoutFieldsIsStillShownOnTheFile() {
        List<FormError> errors = FigureForms.uploadErrors(new FormRefused(
                400, "A CSV batch starts with a header row naming its columns [indicator, period].", null));
        assertEquals(1, errors.size());
        assertEquals(
                "A CSV batch starts with a header row naming its columns [indicator, period].",
                errors.getFirst().message());
        assertEquals(
                "You may not record figures for this indicator. Not a source of ASB-INCIDENTS.",
                FigureForms.figureErrors(new FormRefused(403, "Not a source of ASB-INCIDENTS.", null))
                        .getFirst()
                        .message());
    }

    @Test
    void theOneFigureFormNamesEachFieldInWords() {
        List<FormError> errors = FigureForms.figureErrors(new FormRefused(
                422,
                "invalid",
                List.of(
                        new FormRefused.FieldError(1, "period", "must be a month, quarter or year"),
                        new FormRefused.FieldError(1, "geography", "'E07000999' is not a known area"))));
        assertEquals(
                List.of(
                        new FormError("period", "The period must be a month, quarter or year"),
                        new FormError("geography", "The place 'E07000999' is not a known area")),
                errors);
    }

    @Test
    void anUploadSaysWhatItRecorded() {
        assertEquals(
                "The file's 18 rows were recorded: 12 new, 3 revised and 3 already as reported.",
                FigureForms.uploaded(18, 12, 3, 3));
    }
}
