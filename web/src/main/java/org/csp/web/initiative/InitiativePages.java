package org.csp.web.initiative;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.display.Words;
import org.csp.web.form.FormError;

/** An initiative's page from plan-service's answer and the state of the report form (pure). */
public final class InitiativePages {

    static final List<String> STATUSES = List.of("not-started", "on-track", "at-risk", "off-track", "completed");
    static final List<String> RAGS = List.of("green", "amber", "red");

    /** How many quarters the form offers: the latest of the initiative's timescale that have ended. */
    static final int QUARTERS_OFFERED = 4;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private InitiativePages() {}

    /** What the person entered in the form, or the form's defaults. */
    public record Entered(String quarter, String status, String rag, String commentary) {}

    public static InitiativePage page(
            InitiativeBody initiative,
            boolean mayReport,
            FinancialQuarter latest,
            Entered entered,
            boolean stale,
            String refusal,
            List<FormError> errors,
            String reported) {
        List<InitiativePage.Field> fields = new ArrayList<>();
        fields.add(new InitiativePage.Field(
                "Lead partner",
                orNone(
                        initiative.leadPartnerName() == null
                                ? initiative.leadPartner()
                                : initiative.leadPartnerName())));
        fields.add(new InitiativePage.Field(
                "Supporting partners",
                initiative.supportingPartnerNames().isEmpty()
                        ? "None"
                        : String.join(", ", initiative.supportingPartnerNames())));
        fields.add(new InitiativePage.Field(
                "Objectives", initiative.objectives().isEmpty() ? "None" : String.join(", ", initiative.objectives())));
        fields.add(new InitiativePage.Field(
                "Start",
                initiative.start() == null ? "Not set" : initiative.start().format(DATE)));
        fields.add(new InitiativePage.Field(
                "Due", initiative.due() == null ? "Not set" : initiative.due().format(DATE)));
        fields.add(new InitiativePage.Field("Resources", orNone(initiative.resources())));
        fields.add(new InitiativePage.Field("Funding", orNone(initiative.funding())));
        List<InitiativePage.Field> sara = new ArrayList<>();
        if (initiative.sara() != null) {
            sara.add(new InitiativePage.Field(
                    "Scanning", orNone(initiative.sara().scanning())));
            sara.add(new InitiativePage.Field(
                    "Analysis", orNone(initiative.sara().analysis())));
            sara.add(new InitiativePage.Field(
                    "Response", orNone(initiative.sara().response())));
            sara.add(new InitiativePage.Field(
                    "Assessment", orNone(initiative.sara().assessment())));
        }
        List<InitiativePage.Report> history = initiative.progress().stream()
                .sorted(Comparator.comparing((InitiativeBody.Progress p) ->
                                FinancialQuarter.parse(p.quarter()).orElse(latest))
                        .reversed())
                .map(p -> new InitiativePage.Report(
                        quarterLabel(p.quarter()),
                        Words.status(p.status()),
                        Words.rag(p.rag()),
                        orNone(p.commentary()),
                        reporter(p.reportedBy())))
                .toList();
        return new InitiativePage(
                initiative.id(),
                initiative.title(),
                "Priority " + initiative.priority() + ": " + initiative.priorityTitle(),
                Words.status(initiative.status()),
                Words.rag(initiative.rag()),
                fields,
                initiative.risks(),
                sara,
                history,
                reported == null ? null : quarterLabel(reported),
                form(initiative, mayReport, latest, entered, stale, refusal, errors));
    }

    private static InitiativePage.Form form(
            InitiativeBody initiative,
            boolean mayReport,
            FinancialQuarter latest,
            Entered entered,
            boolean stale,
            String refusal,
            List<FormError> errors) {
        // the latest quarters of the initiative's timescale that have ended: a report outside it is refused
        FinancialQuarter last = latest;
        if (initiative.due() != null && FinancialQuarter.of(initiative.due()).compareTo(last) < 0) {
            last = FinancialQuarter.of(initiative.due());
        }
        FinancialQuarter first = initiative.start() == null ? null : FinancialQuarter.of(initiative.start());
        String quarter = entered.quarter() == null ? last.pathId() : entered.quarter();
        List<InitiativePage.Option> quarters = new ArrayList<>();
        FinancialQuarter q = last;
        for (int i = 0; i < QUARTERS_OFFERED && (first == null || q.compareTo(first) >= 0); i++) {
            quarters.add(
                    new InitiativePage.Option(q.pathId(), q.label(), q.pathId().equals(quarter)));
            q = FinancialQuarter.of(q.firstDay().minusDays(1));
        }
        return new InitiativePage.Form(
                mayReport,
                initiative.version(),
                quarters,
                STATUSES.stream()
                        .map(s -> new InitiativePage.Option(s, Words.status(s).text(), s.equals(entered.status())))
                        .toList(),
                RAGS.stream()
                        .map(r -> new InitiativePage.Option(r, Words.rag(r).text(), r.equals(entered.rag())))
                        .toList(),
                entered.commentary() == null ? "" : entered.commentary(),
                stale,
                refusal,
                errors);
    }

    /** Who reported, in words: the role they reported in, and their organisation for a partner's system. */
    static String reporter(InitiativeBody.Reporter reporter) {
        if (reporter == null || reporter.reportedAs() == null) {
            return "Not recorded";
        }
        String role = switch (reporter.reportedAs()) {
            case "coordinator" -> "The partnership's coordinator";
            case "priority-lead" -> "The priority's lead";
            default -> reporter.reportedAs();
        };
        return reporter.organisation() == null ? role : role + " (" + reporter.organisation() + ")";
    }

    static String quarterLabel(String quarter) {
        return FinancialQuarter.parse(quarter).map(FinancialQuarter::label).orElse(quarter);
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "None" : text;
    }
}
