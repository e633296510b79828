package org.csp.plan.actionplan;

import java.util.List;
import org.csp.calendar.UkCalendar;
import org.csp.geography.GssCode;
import org.csp.partnership.PartnershipRegistry;
import org.csp.plan.element.Elements;
import org.csp.plan.element.IndicatorCodes;
import org.csp.plan.initiative.InitiativeRequest;
import org.csp.plan.objective.Objectives;
import org.csp.plan.organisation.Organisations.OrganisationRequest;
import org.csp.plan.priority.Priorities;
import org.csp.plan.priority.Priorities.PriorityRequest.Measure;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The plan file format ({@code csp-plan/2}): a partnership's whole action plan as one JSON document, the same for
 * every district. The Stroud plan ships as {@code seed/stroud-district-2023-2026.json}; a coordinator imports
 * another with {@code POST /api/plans/import}. Field by field in {@code docs/plan-file.md}. Its parts are bounded as
 * the API's requests are; the lists only a plan file has, at most as long as a real plan's would ever be.
 */
public record PlanFile(
        @Schema(enumeration = FORMAT) String format,
        @Schema(maxLength = MAX_SOURCE) String source,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Note.class,
                maxItems = MAX_NOTES,
                description = "Notes on how the file was made, at most " + MAX_NOTES)
        List<String> notes,

        Partnership partnership,
        Defaults defaults,

        @Schema(maxItems = MAX_ORGANISATIONS, description = "The registry, at most " + MAX_ORGANISATIONS)
        List<OrganisationRequest> organisations,

        Plan plan,
        @Schema(maxItems = Priorities.MAX_NUMBER) List<PriorityEntry> priorities) {

    public static final String FORMAT = "csp-plan/2";

    public static final int MAX_SOURCE = 1000;
    public static final int MAX_NOTES = 100;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_PARTNERSHIP_ID = PartnershipRegistry.MAX_ID_LENGTH;
    public static final int MAX_PARTNERSHIP_NAME = 200;
    public static final int MAX_ORGANISATIONS = 200;
    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 4000;
    /** The most principles, cross-cutting themes or key responsibilities. */
    public static final int MAX_STATEMENTS = 50;

    public static final int MAX_STATEMENT_TITLE = 200;
    public static final int MAX_CODE = 10;
    public static final int MAX_REFERENCE = 1000;
    /** The most responsible authorities, or co-opted members. */
    public static final int MAX_MEMBERS = 100;
    /** The most objectives of a priority. */
    public static final int MAX_OBJECTIVES = 50;
    /** The most initiatives of a priority. */
    public static final int MAX_INITIATIVES = 200;

    /** A note as the OpenAPI document shows it. */
    @Schema(name = "PlanFileNote", type = SchemaType.STRING, maxLength = MAX_NOTE)
    public interface Note {}

    public record Partnership(
            @Schema(
                    maxLength = MAX_PARTNERSHIP_ID,
                    description = "Lower-case letters, digits and hyphens, such as stroud")
            String id,

            @Schema(maxLength = MAX_PARTNERSHIP_NAME) String name,

            @Schema(maxLength = GssCode.LENGTH, description = "The district's GSS code, such as E07000082")
            String gss) {}

    /** Clearly marked defaults the importer applies where the plan says nothing. */
    public record Defaults(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String initiativeStart,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String initiativeDue) {}

    public record Plan(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String id,

            @Schema(maxLength = MAX_TITLE) String title,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String start,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String end,
            @Schema(maxLength = MAX_TEXT) String vision,
            @Schema(maxLength = MAX_TEXT) String overarchingAim,

            @Schema(maxItems = MAX_STATEMENTS, description = "At most " + MAX_STATEMENTS)
            List<Statement> principles,

            @Schema(maxItems = MAX_STATEMENTS, description = "At most " + MAX_STATEMENTS)
            List<Statement> crossCuttingThemes,

            @Schema(maxItems = MAX_STATEMENTS, description = "At most " + MAX_STATEMENTS)
            List<Responsibility> keyResponsibilities,

            @Schema(maxLength = MAX_TEXT) String countyArrangements,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Elements.Id.class,
                    maxItems = MAX_MEMBERS,
                    description = "Registry ids, at most " + MAX_MEMBERS)
            List<String> responsibleAuthorities,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Elements.Id.class,
                    maxItems = MAX_MEMBERS,
                    description = "Registry ids, at most " + MAX_MEMBERS)
            List<String> coOptedMembers) {}

    public record Statement(
            @Schema(maxLength = MAX_STATEMENT_TITLE) String title,
            @Schema(maxLength = MAX_TEXT) String text) {}

    public record Responsibility(
            @Schema(maxLength = MAX_CODE) String code,
            @Schema(maxLength = MAX_TEXT) String text,
            @Schema(maxLength = MAX_REFERENCE) String reference) {}

    /** A priority with its objectives and initiatives; its own fields are a priority's request's. */
    public record PriorityEntry(
            @Schema(implementation = Priorities.Number.class, type = SchemaType.INTEGER)
            Integer number,

            @Schema(maxLength = Priorities.MAX_TITLE) String title,
            @Schema(maxLength = Priorities.MAX_STATEMENT) String statement,
            @Schema(maxLength = Priorities.MAX_WHY) String why,

            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String leadOrganisation,

            @Schema(maxLength = Priorities.MAX_TITLE) String subGroup,
            @Schema(maxItems = Priorities.MAX_MEASURES) List<Measure> measures,

            @Schema(maxItems = MAX_OBJECTIVES, description = "At most " + MAX_OBJECTIVES)
            List<ObjectiveEntry> objectives,

            @Schema(maxItems = MAX_INITIATIVES, description = "At most " + MAX_INITIATIVES)
            List<InitiativeEntry> initiatives) {}

    public record ObjectiveEntry(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String id,

            @Schema(maxLength = Objectives.MAX_TEXT) String text,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = IndicatorCodes.Code.class,
                    maxItems = IndicatorCodes.MAX_CODES,
                    description = IndicatorCodes.DESCRIPTION)
            List<String> indicators) {}

    /** An initiative; only id and title are required, the rest takes the file's defaults or stays empty. */
    public record InitiativeEntry(
            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String id,

            @Schema(maxLength = InitiativeRequest.MAX_TITLE) String title,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Elements.Id.class,
                    maxItems = InitiativeRequest.MAX_OBJECTIVES)
            List<String> objectives,

            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String leadPartner,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Elements.Id.class,
                    maxItems = InitiativeRequest.MAX_PARTNERS)
            List<String> supportingPartners,

            @Schema(maxLength = UkCalendar.DATE_LENGTH) String start,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String due,
            @Schema(maxLength = InitiativeRequest.MAX_TEXT) String resources,
            @Schema(maxLength = InitiativeRequest.MAX_TEXT) String funding,
            @Schema(maxItems = InitiativeRequest.MAX_RISKS) List<InitiativeRequest.Risk> risks,
            InitiativeRequest.Sara sara,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = IndicatorCodes.Code.class,
                    maxItems = IndicatorCodes.MAX_CODES,
                    description = IndicatorCodes.DESCRIPTION)
            List<String> indicators) {}
}
