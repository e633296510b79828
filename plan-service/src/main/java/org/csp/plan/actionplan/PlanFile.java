package org.csp.plan.actionplan;

import java.util.List;
import org.csp.plan.initiative.InitiativeRequest;

/**
 * The plan file format ({@code csp-plan/2}): a partnership's whole action plan as one JSON document, the same for
 * every district. The Stroud plan ships as {@code seed/stroud-district-2023-2026.json}; a coordinator imports
 * another with {@code POST /api/plans/import}. Field by field in {@code docs/plan-file.md}.
 */
public record PlanFile(
        String format,
        String source,
        List<String> notes,
        Partnership partnership,
        Defaults defaults,
        List<OrganisationEntry> organisations,
        Plan plan,
        List<PriorityEntry> priorities) {

    public static final String FORMAT = "csp-plan/2";

    public record Partnership(String id, String name, String gss) {}

    /** Clearly marked defaults the importer applies where the plan says nothing. */
    public record Defaults(String initiativeStart, String initiativeDue) {}

    public record OrganisationEntry(String id, String name, String kind) {}

    public record Plan(
            String id,
            String title,
            String start,
            String end,
            String vision,
            String overarchingAim,
            List<Statement> principles,
            List<Statement> crossCuttingThemes,
            List<Responsibility> keyResponsibilities,
            String countyArrangements,
            List<String> responsibleAuthorities,
            List<String> coOptedMembers) {}

    public record Statement(String title, String text) {}

    public record Responsibility(String code, String text, String reference) {}

    public record PriorityEntry(
            Integer number,
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String subGroup,
            List<MeasureEntry> measures,
            List<ObjectiveEntry> objectives,
            List<InitiativeEntry> initiatives) {}

    public record MeasureEntry(String text, List<String> indicators) {}

    public record ObjectiveEntry(String id, String text, List<String> indicators) {}

    /** An initiative; only id and title are required, the rest takes the file's defaults or stays empty. */
    public record InitiativeEntry(
            String id,
            String title,
            List<String> objectives,
            String leadPartner,
            List<String> supportingPartners,
            String start,
            String due,
            String resources,
            String funding,
            List<InitiativeRequest.Risk> risks,
            InitiativeRequest.Sara sara,
            List<String> indicators) {}
}
