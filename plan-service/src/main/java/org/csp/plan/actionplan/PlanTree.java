package org.csp.plan.actionplan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.plan.actionplan.PlanEvent.Definition;
import org.csp.plan.element.Element;
import org.csp.plan.initiative.Initiative;
import org.csp.plan.initiative.InitiativeEvent;
import org.csp.plan.organisation.OrganisationEvent;
import org.csp.plan.priority.PriorityEvent;
import org.csp.plan.priority.PriorityResource;

/** The whole plan in one document: the plan's content, then each priority with its objectives, initiatives and indicators. */
public record PlanTree(
        String id,
        String partnership,
        int revision,
        String title,
        LocalDate start,
        LocalDate end,
        String vision,
        String overarchingAim,
        List<StatementView> principles,
        List<StatementView> crossCuttingThemes,
        List<ResponsibilityView> keyResponsibilities,
        String countyArrangements,
        List<OrganisationRef> responsibleAuthorities,
        List<OrganisationRef> coOptedMembers,
        List<PriorityNode> priorities,
        long version) {

    /** A member of the partnership: an organisation of the registry, by id, with its name and place in the partnership. */
    public record OrganisationRef(String id, String name, String kind) {}

    /** A principle or a cross-cutting theme: its heading and text. */
    public record StatementView(String title, String text) {
        static StatementView of(PlanEvent.Statement s) {
            return new StatementView(s.title(), s.text());
        }
    }

    /** One of the partnership's key responsibilities, lettered as the plan letters them. */
    public record ResponsibilityView(String code, String text, String reference) {
        static ResponsibilityView of(PlanEvent.Responsibility r) {
            return new ResponsibilityView(r.code(), r.text(), r.reference());
        }
    }

    /**
     * A priority; {@code leadOrganisation} is a registry id with its name beside it, {@code indicators} the codes of all
     * its measures and objectives.
     */
    public record PriorityNode(
            int number,
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String leadOrganisationName,
            String subGroup,
            List<PriorityResource.MeasureView> measures,
            List<String> indicators,
            List<ObjectiveNode> objectives,
            List<InitiativeNode> initiatives,
            boolean retired) {}

    public record ObjectiveNode(String id, String text, List<String> indicators, boolean retired) {}

    /** An initiative with its status and RAG as of its latest reported quarter; partners by registry id, names beside. */
    public record InitiativeNode(
            String id,
            String title,
            List<String> objectives,
            String leadPartner,
            String leadPartnerName,
            List<String> supportingPartners,
            List<String> supportingPartnerNames,
            LocalDate start,
            LocalDate due,
            String latestQuarter,
            String status,
            String rag,
            List<String> indicators,
            boolean retired) {}

    /** A plan in the list of the partnership's plans. */
    public record PlanSummary(
            String id,
            String title,
            LocalDate start,
            LocalDate end,
            int revision,
            int priorities,
            int initiatives,
            long version) {}

    static PlanSummary summary(Plans.Snapshot s) {
        Definition d = s.plan().definition();
        return new PlanSummary(
                s.plan().planId(),
                d.title(),
                d.start(),
                d.end(),
                s.plan().revision(),
                (int) s.priorities().stream().filter(Element::active).count(),
                (int) s.initiatives().stream().filter(Initiative::active).count(),
                s.version());
    }

    static PlanTree of(String partnershipId, Plans.Snapshot s, boolean includeRetired) {
        Map<String, OrganisationRef> organisations = new HashMap<>();
        for (Element<OrganisationEvent.Definition> o : s.organisations()) {
            organisations.put(
                    o.id(),
                    new OrganisationRef(
                            o.id(), o.definition().name(), o.definition().kind()));
        }
        Definition d = s.plan().definition();
        List<PriorityNode> priorities = s.priorities().stream()
                .filter(p -> includeRetired || p.active())
                .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.id())))
                .map(p -> priority(p, s, organisations, includeRetired))
                .toList();
        return new PlanTree(
                s.plan().planId(),
                partnershipId,
                s.plan().revision(),
                d.title(),
                d.start(),
                d.end(),
                d.vision(),
                d.overarchingAim(),
                d.principles().stream().map(StatementView::of).toList(),
                d.crossCuttingThemes().stream().map(StatementView::of).toList(),
                d.keyResponsibilities().stream().map(ResponsibilityView::of).toList(),
                d.countyArrangements(),
                refs(d.responsibleAuthorities(), organisations),
                refs(d.coOptedMembers(), organisations),
                priorities,
                s.version());
    }

    private static PriorityNode priority(
            Element<PriorityEvent.Definition> p,
            Plans.Snapshot s,
            Map<String, OrganisationRef> organisations,
            boolean includeRetired) {
        int number = Integer.parseInt(p.id());
        PriorityEvent.Definition d = p.definition();
        Set<String> indicators = new LinkedHashSet<>();
        d.measures().forEach(m -> indicators.addAll(m.indicators()));
        List<ObjectiveNode> objectives = s.objectives().stream()
                .filter(o -> o.definition().priority() == number && (includeRetired || o.active()))
                .sorted(Comparator.comparing(Element::id))
                .map(o -> new ObjectiveNode(
                        o.id(), o.definition().text(), o.definition().indicators(), o.retired()))
                .toList();
        objectives.stream().filter(o -> !o.retired()).forEach(o -> indicators.addAll(o.indicators()));
        List<InitiativeNode> initiatives = s.initiatives().stream()
                .filter(i -> i.definition().priority() == number && (includeRetired || i.active()))
                .sorted(Comparator.comparing(Initiative::id))
                .map(i -> initiative(i, organisations))
                .toList();
        return new PriorityNode(
                number,
                d.title(),
                d.statement(),
                d.why(),
                d.leadOrganisation(),
                name(d.leadOrganisation(), organisations),
                d.subGroup(),
                d.measures().stream().map(PriorityResource.MeasureView::of).toList(),
                List.copyOf(indicators),
                objectives,
                initiatives,
                p.retired());
    }

    private static InitiativeNode initiative(Initiative i, Map<String, OrganisationRef> organisations) {
        InitiativeEvent.Definition d = i.definition();
        InitiativeEvent.ProgressUpdated latest = i.latest();
        return new InitiativeNode(
                i.id(),
                d.title(),
                d.objectives(),
                d.leadPartner(),
                name(d.leadPartner(), organisations),
                d.supportingPartners(),
                d.supportingPartners().stream()
                        .map(id -> name(id, organisations))
                        .toList(),
                d.start(),
                d.due(),
                latest == null ? null : latest.quarter(),
                latest == null ? null : latest.status(),
                latest == null ? null : latest.rag(),
                d.indicators(),
                i.retired());
    }

    private static String name(String id, Map<String, OrganisationRef> organisations) {
        OrganisationRef ref = ref(id, organisations);
        return ref == null ? null : ref.name() == null ? id : ref.name();
    }

    private static OrganisationRef ref(String id, Map<String, OrganisationRef> organisations) {
        return id == null ? null : organisations.getOrDefault(id, new OrganisationRef(id, null, null));
    }

    private static List<OrganisationRef> refs(List<String> ids, Map<String, OrganisationRef> organisations) {
        return ids.stream().map(id -> ref(id, organisations)).toList();
    }
}
