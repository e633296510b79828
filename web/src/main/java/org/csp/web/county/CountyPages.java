package org.csp.web.county;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.display.Words;

/** The county page from the county feed (pure): partnerships as columns in their order of name, indicators as rows. */
public final class CountyPages {

    private CountyPages() {}

    public static CountyPage page(FinancialQuarter quarter, CountyBody feed) {
        Map<String, CountyPage.Partnership> partnerships = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, CountyBody.Row> cells = new LinkedHashMap<>();
        feed.rows().stream()
                .sorted(java.util.Comparator.comparing(CountyBody.Row::partnershipName))
                .forEach(row -> {
                    partnerships.putIfAbsent(
                            row.partnership(),
                            new CountyPage.Partnership(row.partnership(), row.partnershipName(), review(row)));
                    titles.putIfAbsent(row.indicator(), row.indicatorTitle());
                    cells.put(row.partnership() + "\u0000" + row.indicator(), row);
                });
        List<CountyPage.Indicator> indicators = new ArrayList<>();
        titles.forEach((code, title) -> {
            List<CountyPage.Cell> row = new ArrayList<>();
            for (String partnership : partnerships.keySet()) {
                CountyBody.Row cell = cells.get(partnership + "\u0000" + code);
                row.add(
                        cell == null
                                ? new CountyPage.Cell("No figure", Words.rag(null))
                                : new CountyPage.Cell(Words.figure(cell.value(), cell.unit()), Words.rag(cell.rag())));
            }
            indicators.add(new CountyPage.Indicator(code, title, row));
        });
        return new CountyPage(
                quarter.pathId(),
                quarter.label(),
                Words.place(feed.county()),
                List.copyOf(partnerships.values()),
                indicators);
    }

    static String review(CountyBody.Row row) {
        String state = row.reviewState() == null ? "not-opened" : row.reviewState();
        String words = Words.review(state).text();
        if (row.reviewReportsExpected() == null || row.reviewReportsExpected() == 0) {
            return words;
        }
        return words + ", " + row.reviewReportsSubmitted() + " of " + row.reviewReportsExpected() + " reports";
    }
}
