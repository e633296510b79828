package org.csp.plan.initiative;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.EventStore;
import org.csp.plan.element.States;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.csp.plan.initiative.InitiativeEvent.Reporter;
import org.csp.plan.initiative.InitiativeEvent.Risk;
import org.csp.plan.initiative.InitiativeEvent.Sara;
import org.csp.plan.organisation.OrganisationNames;
import org.csp.plan.priority.Priorities;
import org.csp.problem.ProblemException;

/** How initiatives read on the API: with their priority's title and their lead partner's name. */
@ApplicationScoped
public class InitiativeViews {

    private final EventStore store;

    public InitiativeViews(EventStore store) {
        this.store = store;
    }

    /** An initiative in the list, with its latest reported quarter; organisations by registry id, their names beside. */
    public record InitiativeSummaryView(
            String id,
            int priority,
            String priorityTitle,
            String title,
            String leadPartner,
            String leadPartnerName,
            LocalDate due,
            String latestQuarter,
            String status,
            String rag,
            boolean overdue,
            boolean retired,
            long version) {}

    /** A quarter's progress report; {@code reportedBy} null for one made before who reported was recorded. */
    public record ProgressView(String quarter, String status, String rag, String commentary, ReporterView reportedBy) {
        static ProgressView of(ProgressUpdated p) {
            return new ProgressView(p.quarter(), p.status(), p.rag(), p.commentary(), ReporterView.of(p.reportedBy()));
        }
    }

    /**
     * Who reported progress: the subject of their token (a pseudonymous id; the web frontend shows the name where the
     * viewer may see it), {@code reportedAs} {@code coordinator} or {@code priority-lead}, and the organisation their
     * token names (null when none).
     */
    public record ReporterView(String subject, String reportedAs, String organisation) {
        static ReporterView of(Reporter r) {
            return r == null ? null : new ReporterView(r.subject(), r.reportedAs(), r.organisation());
        }
    }

    /**
     * One initiative, whole. Organisations are registry ids with their names beside them; {@code status} and {@code rag}
     * are those of its latest reported quarter.
     */
    public record InitiativeView(
            String id,
            int priority,
            String priorityTitle,
            List<String> objectives,
            String title,
            String leadPartner,
            String leadPartnerName,
            List<String> supportingPartners,
            List<String> supportingPartnerNames,
            LocalDate start,
            LocalDate due,
            String resources,
            String funding,
            List<RiskView> risks,
            SaraView sara,
            List<String> indicators,
            String status,
            String rag,
            boolean retired,
            List<ProgressView> progress,
            long version) {}

    /** A risk to the initiative; {@code owner} an organisation's registry id. */
    public record RiskView(
            String description, String likelihood, String impact, String mitigation, String owner, String ownerName) {
        static RiskView of(Risk r, Names names) {
            return new RiskView(
                    r.description(),
                    r.likelihood(),
                    r.impact(),
                    r.mitigation(),
                    r.owner(),
                    names.organisation(r.owner()));
        }
    }

    /** The problem-solving record: scanning, analysis, response, assessment. */
    public record SaraView(String scanning, String analysis, String response, String assessment) {
        static SaraView of(Sara s) {
            return s == null ? null : new SaraView(s.scanning(), s.analysis(), s.response(), s.assessment());
        }
    }

    /** What the list is filtered by; null means "any". */
    public record Filter(
            Integer priority,
            String lead,
            String status,
            String rag,
            Boolean overdue,
            FinancialQuarter quarter,
            boolean includeRetired,
            LocalDate today) {}

    /** Names the views show next to ids: priority titles and organisation names. */
    public record Names(Map<Integer, String> priorityTitles, OrganisationNames organisations) {
        public String organisation(String id) {
            return organisations.name(id);
        }
    }

    public Uni<Names> names(String partnershipId) {
        return States.list(store.pool(), partnershipId, Priorities.KIND)
                .flatMap(priorities -> OrganisationNames.load(store.pool(), partnershipId)
                        .map(organisations -> {
                            Map<Integer, String> titles = new HashMap<>();
                            priorities.forEach(p -> titles.put(
                                    Integer.valueOf(p.id()),
                                    p.state().definition().title()));
                            return new Names(titles, organisations);
                        }));
    }

    public Uni<List<InitiativeSummaryView>> list(String partnershipId, Filter filter) {
        Uni<FinancialQuarter> underReview =
                filter.quarter() != null ? Uni.createFrom().item(filter.quarter()) : openReviewQuarter(partnershipId);
        return underReview.flatMap(quarter -> names(partnershipId)
                .flatMap(names -> States.list(store.pool(), partnershipId, Initiatives.KIND)
                        .map(rows -> rows.stream()
                                .filter(row -> row.state().exists())
                                .map(row -> summary(row, names, quarter, filter.today()))
                                .filter(view -> matches(view, filter))
                                .sorted((a, b) -> a.priority() != b.priority()
                                        ? Integer.compare(a.priority(), b.priority())
                                        : a.id().compareTo(b.id()))
                                .toList())));
    }

    public Uni<InitiativeView> one(String partnershipId, String id) {
        return names(partnershipId)
                .flatMap(names -> States.find(store.pool(), partnershipId, Initiatives.KIND, id, false)
                        .map(found -> {
                            States.Versioned<Initiative> row = found.filter(
                                            r -> r.state().exists())
                                    .orElseThrow(() -> ProblemException.notFound("Initiative", id));
                            return view(row.state(), row.version(), names);
                        }));
    }

    public static InitiativeView view(Initiative state, long version, Names names) {
        Definition d = state.definition();
        ProgressUpdated latest = state.latest();
        return new InitiativeView(
                state.id(),
                d.priority(),
                names.priorityTitles().get(d.priority()),
                d.objectives(),
                d.title(),
                d.leadPartner(),
                names.organisation(d.leadPartner()),
                d.supportingPartners(),
                names.organisations().names(d.supportingPartners()),
                d.start(),
                d.due(),
                d.resources(),
                d.funding(),
                d.risks().stream().map(r -> RiskView.of(r, names)).toList(),
                SaraView.of(d.sara()),
                d.indicators(),
                latest == null ? null : latest.status(),
                latest == null ? null : latest.rag(),
                state.retired(),
                state.progressByQuarter().values().stream()
                        .map(ProgressView::of)
                        .toList(),
                version);
    }

    private static InitiativeSummaryView summary(
            States.Versioned<Initiative> row, Names names, FinancialQuarter underReview, LocalDate today) {
        Initiative state = row.state();
        Definition d = state.definition();
        ProgressUpdated latest = state.latest();
        boolean completed = latest != null && ProgressStatus.COMPLETED.code().equals(latest.status());
        boolean pastDue = d.due().isBefore(today) && !completed;
        boolean unreported = underReview != null
                && !completed
                && !underReview.lastDay().isBefore(d.start())
                && !underReview.firstDay().isAfter(d.due())
                && !state.progressByQuarter().containsKey(underReview.label());
        return new InitiativeSummaryView(
                state.id(),
                d.priority(),
                names.priorityTitles().get(d.priority()),
                d.title(),
                d.leadPartner(),
                names.organisation(d.leadPartner()),
                d.due(),
                latest == null ? null : latest.quarter(),
                latest == null ? null : latest.status(),
                latest == null ? null : latest.rag(),
                !state.retired() && (pastDue || unreported),
                state.retired(),
                row.version());
    }

    private static boolean matches(InitiativeSummaryView view, Filter filter) {
        return (filter.includeRetired() || !view.retired())
                && (filter.priority() == null || filter.priority().intValue() == view.priority())
                && (filter.lead() == null || filter.lead().equals(view.leadPartner()))
                && (filter.status() == null || filter.status().equals(view.status()))
                && (filter.rag() == null || filter.rag().equals(view.rag()))
                && (filter.overdue() == null || filter.overdue().booleanValue() == view.overdue());
    }

    /** The quarter of the latest open review, or null when no review is open. */
    private Uni<FinancialQuarter> openReviewQuarter(String partnershipId) {
        return store.pool()
                .preparedQuery("""
                        SELECT state->>'quarter' AS quarter FROM plan_state
                         WHERE partnership_id = $1 AND kind = 'review' AND state->>'status' = 'open' ORDER BY id DESC LIMIT 1""")
                .execute(Tuple.of(partnershipId))
                .map(rows -> rows.size() == 0
                        ? null
                        : FinancialQuarter.parse(rows.iterator().next().getString("quarter"))
                                .orElse(null));
    }
}
