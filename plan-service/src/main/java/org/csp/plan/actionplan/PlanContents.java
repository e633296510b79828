package org.csp.plan.actionplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.csp.calendar.UkCalendar;
import org.csp.eventsourcing.EventTypes;
import org.csp.geography.GssCode;
import org.csp.partnership.PartnershipRegistry;
import org.csp.plan.actionplan.PlanFile.InitiativeEntry;
import org.csp.plan.actionplan.PlanFile.ObjectiveEntry;
import org.csp.plan.actionplan.PlanFile.PriorityEntry;
import org.csp.plan.element.Elements;
import org.csp.plan.initiative.InitiativeEvent;
import org.csp.plan.initiative.InitiativeRequest;
import org.csp.plan.objective.ObjectiveEvent;
import org.csp.plan.objective.Objectives;
import org.csp.plan.organisation.OrganisationEvent;
import org.csp.plan.organisation.Organisations;
import org.csp.plan.organisation.Organisations.OrganisationRequest;
import org.csp.plan.priority.Priorities;
import org.csp.plan.priority.PriorityEvent;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * A plan file checked as a whole and read into the definitions the plan's aggregates store: every field is
 * validated by the same rules as the API, and every reference inside the file (objectives, organisations,
 * indicator codes) must resolve. Organisation ids the file does not list must already be in the registry; that is
 * checked when it is imported.
 */
public record PlanContents(
        String partnershipId,
        String planId,
        PlanEvent.Definition plan,
        String source,
        List<String> notes,
        Map<String, OrganisationEvent.Definition> organisations,
        Map<String, PriorityEvent.Definition> priorities,
        Map<String, ObjectiveEvent.Definition> objectives,
        Map<String, InitiativeEvent.Definition> initiatives,
        Map<String, String> organisationReferences,
        String fileDigest) {

    /** The file's contents, or 422 listing every problem with its place in the file. */
    public static PlanContents of(PlanFile file) {
        if (file == null) {
            throw Validation.missingBody();
        }
        List<FieldViolation> problems = new ArrayList<>();
        Validation v = new Validation();
        v.require(PlanFile.FORMAT.equals(file.format()), "format", "must be \"" + PlanFile.FORMAT + "\"");
        v.require(
                file.partnership() != null
                        && file.partnership().id() != null
                        && PartnershipRegistry.ID
                                .matcher(file.partnership().id())
                                .matches(),
                "partnership.id",
                "must be a partnership id such as 'stroud'");
        if (file.partnership() != null) {
            v.optionalPublicText(file.partnership().name(), "partnership.name", PlanFile.MAX_PARTNERSHIP_NAME);
            v.require(
                    file.partnership().gss() == null
                            || GssCode.isValid(file.partnership().gss()),
                    "partnership.gss",
                    "must be the district's GSS code, such as E07000082");
        }
        String source = v.optionalPublicText(file.source(), "source", PlanFile.MAX_SOURCE);
        List<String> notes = texts(v, v.atMost(file.notes(), "notes", PlanFile.MAX_NOTES), "notes", PlanFile.MAX_NOTE);
        v.require(file.plan() != null, "plan", "is required");
        v.require(
                file.priorities() != null && !file.priorities().isEmpty(),
                "priorities",
                "must list the plan's priorities");
        List<PriorityEntry> priorityEntries = v.atMost(file.priorities(), "priorities", Priorities.MAX_NUMBER);
        collect(problems, "", v);
        if (!problems.isEmpty() || file.plan() == null) {
            throw ProblemException.invalid(problems);
        }

        PlanFile.Plan p = file.plan();
        Validation pv = new Validation();
        String planId = pv.parse(
                p.id(),
                "id",
                Elements.MAX_ID,
                id -> Elements.ID.matcher(id).matches() ? id : null,
                "an id such as 'stroud-2023-2026'");
        String title = pv.publicText(p.title(), "title", PlanFile.MAX_TITLE);
        LocalDate start = date(pv, p.start(), "start", "a date such as 2023-04-01");
        LocalDate end = date(pv, p.end(), "end", "a date such as 2026-03-31");
        pv.require(start == null || end == null || !end.isBefore(start), "end", "must not be before start");
        PlanEvent.Definition plan = new PlanEvent.Definition(
                title,
                start,
                end,
                pv.optionalPublicText(p.vision(), "vision", PlanFile.MAX_TEXT),
                pv.optionalPublicText(p.overarchingAim(), "overarchingAim", PlanFile.MAX_TEXT),
                statements(pv, p.principles(), "principles"),
                statements(pv, p.crossCuttingThemes(), "crossCuttingThemes"),
                responsibilities(pv, p.keyResponsibilities()),
                pv.optionalPublicText(p.countyArrangements(), "countyArrangements", PlanFile.MAX_TEXT),
                members(pv, p.responsibleAuthorities(), "responsibleAuthorities"),
                members(pv, p.coOptedMembers(), "coOptedMembers"));
        collect(problems, "plan.", pv);

        Map<String, String> references = new LinkedHashMap<>();
        for (int i = 0; i < plan.responsibleAuthorities().size(); i++) {
            references.put(
                    "plan.responsibleAuthorities[" + i + "]",
                    plan.responsibleAuthorities().get(i));
        }
        for (int i = 0; i < plan.coOptedMembers().size(); i++) {
            references.put(
                    "plan.coOptedMembers[" + i + "]", plan.coOptedMembers().get(i));
        }

        Map<String, OrganisationEvent.Definition> organisations = new LinkedHashMap<>();
        Validation ov = new Validation();
        List<OrganisationRequest> orgs = ov.atMost(file.organisations(), "organisations", PlanFile.MAX_ORGANISATIONS);
        collect(problems, "", ov);
        for (int i = 0; i < orgs.size(); i++) {
            OrganisationRequest o = orgs.get(i);
            String at = "organisations[" + i + "]";
            if (o == null || o.id() == null || !Elements.ID.matcher(o.id()).matches()) {
                problems.add(new FieldViolation(at + ".id", "must be an id such as 'victim-support'"));
                continue;
            }
            var definition = within(problems, at + ".", () -> Organisations.validate(o));
            if (organisations.containsKey(o.id())) {
                problems.add(new FieldViolation(at + ".id", "'" + o.id() + "' is listed twice"));
            } else if (definition != null) {
                organisations.put(o.id(), definition);
            }
        }

        LocalDate defaultStart = start;
        LocalDate defaultDue = end;
        if (file.defaults() != null) {
            Validation dv = new Validation();
            if (file.defaults().initiativeStart() != null) {
                defaultStart = date(dv, file.defaults().initiativeStart(), "initiativeStart", "a date");
            }
            if (file.defaults().initiativeDue() != null) {
                defaultDue = date(dv, file.defaults().initiativeDue(), "initiativeDue", "a date");
            }
            collect(problems, "defaults.", dv);
        }

        Map<String, PriorityEvent.Definition> priorities = new LinkedHashMap<>();
        Map<String, ObjectiveEvent.Definition> objectives = new LinkedHashMap<>();
        Map<String, InitiativeEvent.Definition> initiatives = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        List<Runnable> laterChecks = new ArrayList<>();
        for (int i = 0; i < priorityEntries.size(); i++) {
            PriorityEntry pr = priorityEntries.get(i);
            String at = "priorities[" + i + "]";
            if (pr == null) {
                problems.add(new FieldViolation(at, "must be an object"));
                continue;
            }
            var priority = within(
                    problems,
                    at + ".",
                    () -> Priorities.validate(new Priorities.PriorityRequest(
                            pr.number(),
                            pr.title(),
                            pr.statement(),
                            pr.why(),
                            pr.leadOrganisation(),
                            pr.subGroup(),
                            pr.measures())));
            if (priority == null) {
                continue;
            }
            String number = pr.number().toString();
            if (priorities.containsKey(number)) {
                problems.add(new FieldViolation(at + ".number", "priority " + number + " is listed twice"));
                continue;
            }
            priorities.put(number, priority);
            priority.measures().forEach(m -> codes.addAll(m.indicators()));
            if (priority.leadOrganisation() != null) {
                references.put(at + ".leadOrganisation", priority.leadOrganisation());
            }
            Set<String> ownObjectives = new HashSet<>();
            Validation lists = new Validation();
            List<ObjectiveEntry> objs = lists.atMost(pr.objectives(), "objectives", PlanFile.MAX_OBJECTIVES);
            List<InitiativeEntry> inits = lists.atMost(pr.initiatives(), "initiatives", PlanFile.MAX_INITIATIVES);
            collect(problems, at + ".", lists);
            for (int j = 0; j < objs.size(); j++) {
                ObjectiveEntry o = objs.get(j);
                String oat = at + ".objectives[" + j + "]";
                if (o == null || o.id() == null || !Elements.ID.matcher(o.id()).matches()) {
                    problems.add(new FieldViolation(oat + ".id", "must be an id such as 'P1-O1'"));
                    continue;
                }
                var objective = within(
                        problems,
                        oat + ".",
                        () -> Objectives.validate(
                                new Objectives.ObjectiveRequest(o.id(), pr.number(), o.text(), o.indicators())));
                if (objectives.containsKey(o.id())) {
                    problems.add(new FieldViolation(oat + ".id", "'" + o.id() + "' is listed twice"));
                } else if (objective != null) {
                    objectives.put(o.id(), objective);
                    ownObjectives.add(o.id());
                    codes.addAll(objective.indicators());
                }
            }
            for (int j = 0; j < inits.size(); j++) {
                InitiativeEntry e = inits.get(j);
                String iat = at + ".initiatives[" + j + "]";
                if (e == null) {
                    problems.add(new FieldViolation(iat, "must be an object"));
                    continue;
                }
                String startText =
                        e.start() != null ? e.start() : defaultStart == null ? null : defaultStart.toString();
                String dueText = e.due() != null ? e.due() : defaultDue == null ? null : defaultDue.toString();
                var initiative = within(
                        problems,
                        iat + ".",
                        () -> InitiativeRequest.validate(new InitiativeRequest(
                                e.id(),
                                pr.number(),
                                e.objectives(),
                                e.title(),
                                e.leadPartner(),
                                e.supportingPartners(),
                                startText,
                                dueText,
                                e.resources(),
                                e.funding(),
                                e.risks(),
                                e.sara(),
                                e.indicators())));
                if (initiative == null) {
                    continue;
                }
                if (initiatives.containsKey(e.id())) {
                    problems.add(new FieldViolation(iat + ".id", "'" + e.id() + "' is listed twice"));
                    continue;
                }
                if (initiative.due().isBefore(initiative.start())) {
                    problems.add(new FieldViolation(iat + ".due", "must not be before start"));
                }
                initiatives.put(e.id(), initiative);
                for (int k = 0; k < initiative.objectives().size(); k++) {
                    if (!ownObjectives.contains(initiative.objectives().get(k))) {
                        problems.add(new FieldViolation(
                                iat + ".objectives[" + k + "]", "is not an objective of priority " + number));
                    }
                }
                if (initiative.leadPartner() != null) {
                    references.put(iat + ".leadPartner", initiative.leadPartner());
                }
                for (int k = 0; k < initiative.supportingPartners().size(); k++) {
                    references.put(
                            iat + ".supportingPartners[" + k + "]",
                            initiative.supportingPartners().get(k));
                }
                for (int k = 0; k < initiative.risks().size(); k++) {
                    if (initiative.risks().get(k).owner() != null) {
                        references.put(
                                iat + ".risks[" + k + "].owner",
                                initiative.risks().get(k).owner());
                    }
                }
                final String initiativeAt = iat;
                laterChecks.add(() -> {
                    for (int k = 0; k < initiative.indicators().size(); k++) {
                        if (!codes.contains(initiative.indicators().get(k))) {
                            problems.add(new FieldViolation(
                                    initiativeAt + ".indicators[" + k + "]", "is not an indicator of the plan"));
                        }
                    }
                });
            }
        }
        laterChecks.forEach(Runnable::run);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Map<String, String> unresolved = new LinkedHashMap<>();
        references.forEach((field, id) -> {
            if (!organisations.containsKey(id)) {
                unresolved.put(field, id);
            }
        });
        return new PlanContents(
                file.partnership().id(),
                planId,
                plan,
                source,
                notes,
                organisations,
                priorities,
                objectives,
                initiatives,
                unresolved,
                digest(file));
    }

    /** SHA-256 of the file's content as read (layout and white space do not count). */
    private static String digest(PlanFile file) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(EventTypes.JSON.writeValueAsBytes(file)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest a plan file", e);
        }
    }

    private static <T> T within(List<FieldViolation> problems, String prefix, Supplier<T> validation) {
        try {
            return validation.get();
        } catch (ProblemException e) {
            if (e.violations().isEmpty()) {
                problems.add(new FieldViolation(
                        prefix.isEmpty() ? "/" : prefix.substring(0, prefix.length() - 1), e.getMessage()));
            }
            e.violations().forEach(f -> problems.add(new FieldViolation(prefix + f.field(), f.message())));
            return null;
        }
    }

    private static void collect(List<FieldViolation> problems, String prefix, Validation v) {
        within(problems, prefix, () -> {
            v.throwIfInvalid();
            return null;
        });
    }

    private static LocalDate date(Validation v, String text, String field, String expected) {
        return v.parse(text, field, UkCalendar.DATE_LENGTH, LocalDate::parse, expected);
    }

    /** Organisation ids of the plan's responsible authorities or co-opted members. */
    private static List<String> members(Validation v, List<String> ids, String field) {
        return texts(v, v.atMost(ids, field, PlanFile.MAX_MEMBERS), field, Elements.MAX_ID);
    }

    private static List<String> texts(Validation v, List<String> values, String field, int max) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String text = v.publicText(values.get(i), field + "[" + i + "]", max);
            if (text != null) {
                result.add(text);
            }
        }
        return List.copyOf(result);
    }

    private static List<PlanEvent.Statement> statements(Validation v, List<PlanFile.Statement> given, String field) {
        List<PlanFile.Statement> values = v.atMost(given, field, PlanFile.MAX_STATEMENTS);
        List<PlanEvent.Statement> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            PlanFile.Statement s = values.get(i);
            if (s == null) {
                v.require(false, field + "[" + i + "]", "must be an object with title and text");
                continue;
            }
            result.add(new PlanEvent.Statement(
                    v.publicText(s.title(), field + "[" + i + "].title", PlanFile.MAX_STATEMENT_TITLE),
                    v.publicText(s.text(), field + "[" + i + "].text", PlanFile.MAX_TEXT)));
        }
        return List.copyOf(result);
    }

    private static List<PlanEvent.Responsibility> responsibilities(Validation v, List<PlanFile.Responsibility> given) {
        List<PlanFile.Responsibility> values = v.atMost(given, "keyResponsibilities", PlanFile.MAX_STATEMENTS);
        List<PlanEvent.Responsibility> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            PlanFile.Responsibility r = values.get(i);
            String at = "keyResponsibilities[" + i + "]";
            if (r == null) {
                v.require(false, at, "must be an object with code and text");
                continue;
            }
            result.add(new PlanEvent.Responsibility(
                    v.text(r.code(), at + ".code", PlanFile.MAX_CODE),
                    v.publicText(r.text(), at + ".text", PlanFile.MAX_TEXT),
                    v.optionalPublicText(r.reference(), at + ".reference", PlanFile.MAX_REFERENCE)));
        }
        return List.copyOf(result);
    }
}
