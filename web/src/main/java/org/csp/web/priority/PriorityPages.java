package org.csp.web.priority;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.dashboard.Dashboards;
import org.csp.web.display.Words;

/** A priority's page from the gateway's view and the person's filters (pure). */
public final class PriorityPages {

    static final List<String> STATUSES = List.of("not-started", "on-track", "at-risk", "off-track", "completed");
    static final List<String> RAGS = List.of("red", "amber", "green");

    private PriorityPages() {}

    /** What the person filters by; null or false: everything. */
    public record Filters(String status, String rag, String lead, boolean overdue) {

        /** The filters of an address's query: a value outside a filter's choices (or none) is no filter. */
        public static Filters of(String status, String rag, String lead, String overdue) {
            return new Filters(
                    status != null && STATUSES.contains(status) ? status : null,
                    rag != null && RAGS.contains(rag) ? rag : null,
                    lead == null || lead.isBlank() || lead.length() > 64 ? null : lead,
                    "true".equals(overdue));
        }
    }

    public static PriorityPage page(FinancialQuarter quarter, PriorityBody priority, Filters filters) {
        List<PriorityBody.Initiative> shown =
                priority.initiatives().stream().filter(matching(filters)).toList();
        List<String> leads = priority.initiatives().stream()
                .map(PriorityBody.Initiative::leadPartner)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        PriorityPage.Filter filter = new PriorityPage.Filter(
                STATUSES.stream()
                        .map(s -> new PriorityPage.Option(s, Words.status(s).text(), s.equals(filters.status())))
                        .toList(),
                RAGS.stream()
                        .map(r -> new PriorityPage.Option(r, Words.rag(r).text(), r.equals(filters.rag())))
                        .toList(),
                leads.stream()
                        .map(l -> new PriorityPage.Option(l, l, l.equals(filters.lead())))
                        .toList(),
                filters.overdue());
        return new PriorityPage(
                quarter.pathId(),
                quarter.label(),
                priority.number(),
                priority.title(),
                Words.report(priority.report()),
                priority.objectives(),
                filter,
                shown.stream().map(PriorityPages::row).toList(),
                shown.size(),
                priority.initiatives().size(),
                Dashboards.tiles(priority.indicators()));
    }

    static Predicate<PriorityBody.Initiative> matching(Filters filters) {
        return initiative -> {
            PriorityBody.Progress p = initiative.progress();
            if (filters.status() != null && !filters.status().equals(p == null ? null : p.status())) {
                return false;
            }
            if (filters.rag() != null && !filters.rag().equals(p == null ? null : p.rag())) {
                return false;
            }
            if (filters.lead() != null && !filters.lead().equals(initiative.leadPartner())) {
                return false;
            }
            return !filters.overdue() || initiative.overdue();
        };
    }

    private static PriorityPage.Row row(PriorityBody.Initiative initiative) {
        PriorityBody.Progress p = initiative.progress();
        PriorityBody.Progress revised = initiative.revisedSinceClose();
        return new PriorityPage.Row(
                initiative.id(),
                initiative.title(),
                initiative.leadPartner() == null ? "Not set" : initiative.leadPartner(),
                Words.status(p == null ? null : p.status()),
                Words.rag(p == null ? null : p.rag()),
                p == null ? "Never reported" : initiative.reported() ? "This quarter" : "Latest: " + label(p.quarter()),
                p == null || p.commentary() == null ? "" : p.commentary(),
                initiative.overdue(),
                revised == null
                        ? ""
                        : "Revised since the review closed: "
                                + Words.status(revised.status()).text() + ", "
                                + Words.rag(revised.rag()).text());
    }

    private static String label(String quarter) {
        return FinancialQuarter.parse(quarter).map(FinancialQuarter::label).orElse(quarter);
    }
}
