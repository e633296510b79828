package org.csp.web.publicfigures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.display.Words;

/**
 * The gateway's public figures made into the public page: counts in words, and every cell that is not shown says why
 * through a numbered note under its table (one note per distinct reason). Pure.
 */
public final class PublicFiguresPages {

    private PublicFiguresPages() {}

    public static PublicFiguresPage page(FinancialQuarter quarter, PublicFiguresBody body) {
        String lastYear = FinancialQuarter.parse(body.lastYear())
                .map(FinancialQuarter::label)
                .orElse(body.lastYear() == null ? "The same quarter last year" : body.lastYear());
        List<PublicFiguresPage.Table> tables = body.indicators() == null
                ? List.of()
                : body.indicators().stream()
                        .map(indicator -> table(indicator, quarter.label(), lastYear))
                        .toList();
        return new PublicFiguresPage(quarter.pathId(), quarter.label(), lastYear, body.about(), tables);
    }

    static PublicFiguresPage.Table table(PublicFiguresBody.Indicator indicator, String quarterLabel, String lastYear) {
        Map<String, Integer> notes = new LinkedHashMap<>();
        List<PublicFiguresPage.Row> rows = new ArrayList<>();
        List<PublicFiguresBody.Place> places = indicator.places() == null ? List.of() : indicator.places();
        for (PublicFiguresBody.Place place : places) {
            rows.add(new PublicFiguresPage.Row(
                    place.name(),
                    place.district() != null,
                    cell(place.quarter(), notes),
                    cell(place.lastYear(), notes)));
        }
        List<PublicFiguresPage.Note> noteList = notes.entrySet().stream()
                .map(e -> new PublicFiguresPage.Note(e.getValue(), e.getKey()))
                .toList();
        return new PublicFiguresPage.Table(
                indicator.code(),
                indicator.title(),
                indicator.title() + ": " + quarterLabel + " and " + lastYear + ", by district and ward",
                rows,
                noteList);
    }

    static PublicFiguresPage.Cell cell(PublicFiguresBody.Count count, Map<String, Integer> notes) {
        if (count == null) {
            return new PublicFiguresPage.Cell("Not available", 0);
        }
        if (count.value() != null) {
            return new PublicFiguresPage.Cell(Words.number(count.value()), 0);
        }
        if (count.suppressed() != null) {
            String why = count.reason() != null
                    ? count.reason()
                    : "primary".equals(count.suppressed())
                            ? "The count is small enough that it could identify someone."
                            : "The count could be worked out from other figures that are not shown.";
            return new PublicFiguresPage.Cell("Not shown", note(why, notes));
        }
        String why = count.notAvailable() == null ? "The partnership has no figure for it." : count.notAvailable();
        return new PublicFiguresPage.Cell("Not available", note(why, notes));
    }

    private static int note(String text, Map<String, Integer> notes) {
        return notes.computeIfAbsent(text, t -> notes.size() + 1);
    }
}
