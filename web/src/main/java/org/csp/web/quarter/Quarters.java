package org.csp.web.quarter;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.UkCalendar;
import org.csp.web.WebConfig;
import org.csp.web.errors.PageNotFound;

/** The quarter in a page's address, and the latest quarter, which {@code /} and the navigation lead to. */
@ApplicationScoped
public class Quarters {

    private final WebConfig config;

    public Quarters(WebConfig config) {
        this.config = config;
    }

    /** The quarter of an address ({@code 2024-25-Q2}); anything else is a page that does not exist (404). */
    public static FinancialQuarter parse(String text) {
        return FinancialQuarter.parse(text)
                .filter(q -> q.pathId().equals(text))
                .orElseThrow(() -> new PageNotFound("'" + text + "' is not a quarter, like 2024-25-Q2"));
    }

    /** Whether {@code text} is a quarter as an address writes it ({@code 2024-25-Q2}). */
    public static boolean isQuarter(String text) {
        return FinancialQuarter.parse(text).filter(q -> q.pathId().equals(text)).isPresent();
    }

    /** The configured quarter ({@code csp.web.latest-quarter}), else the latest one that has ended. */
    public FinancialQuarter latest() {
        return config.latestQuarter()
                .map(Quarters::parse)
                .orElseGet(() -> latestEnded(UkCalendar.today(UkCalendar.systemClock())));
    }

    /** The quarter before the one {@code today} falls in: the latest a partnership can have reported on in full. */
    public static FinancialQuarter latestEnded(LocalDate today) {
        return FinancialQuarter.of(FinancialQuarter.of(today).firstDay().minusDays(1));
    }
}
