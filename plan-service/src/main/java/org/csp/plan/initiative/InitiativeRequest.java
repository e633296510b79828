package org.csp.plan.initiative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.csp.calendar.UkCalendar;
import org.csp.codes.Coded;
import org.csp.plan.element.Elements;
import org.csp.plan.element.IndicatorCodes;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.plan.priority.Priorities;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API request of an initiative: what {@code POST /api/initiatives} takes and what {@code PATCH} merges into.
 * Status and RAG are not here: they are reported per quarter with the progress endpoint.
 */
public record InitiativeRequest(
        @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
        String id,

        @Schema(implementation = Priorities.Number.class, type = SchemaType.INTEGER)
        Integer priority,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Elements.Id.class,
                maxItems = MAX_OBJECTIVES,
                description = "Objectives of its priority, at most " + MAX_OBJECTIVES)
        List<String> objectives,

        @Schema(maxLength = MAX_TITLE) String title,

        @Schema(
                implementation = Elements.Id.class,
                type = SchemaType.STRING,
                description = "The lead partner's registry id")
        String leadPartner,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Elements.Id.class,
                maxItems = MAX_PARTNERS,
                description = "Supporting partners' registry ids, at most " + MAX_PARTNERS)
        List<String> supportingPartners,

        @Schema(maxLength = UkCalendar.DATE_LENGTH, description = "A date such as 2024-04-01")
        String start,

        @Schema(maxLength = UkCalendar.DATE_LENGTH, description = "A date such as 2025-03-31")
        String due,

        @Schema(maxLength = MAX_TEXT) String resources,
        @Schema(maxLength = MAX_TEXT) String funding,
        @Schema(maxItems = MAX_RISKS) List<Risk> risks,
        Sara sara,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = IndicatorCodes.Code.class,
                maxItems = IndicatorCodes.MAX_CODES,
                description = IndicatorCodes.DESCRIPTION)
        List<String> indicators) {

    /** The longest title. */
    public static final int MAX_TITLE = 1000;

    /** The longest resources, funding and SARA texts. */
    public static final int MAX_TEXT = 4000;

    /** The most objectives an initiative serves. */
    public static final int MAX_OBJECTIVES = 50;

    /** The most supporting partners. */
    public static final int MAX_PARTNERS = 100;

    /** The most risks. */
    public static final int MAX_RISKS = 50;

    /** The longest description or mitigation of a risk. */
    public static final int MAX_RISK_TEXT = 2000;

    /** A risk: likelihood and impact are low, medium or high; the owner is an organisation id. */
    public record Risk(
            @Schema(maxLength = MAX_RISK_TEXT) String description,
            @Schema(maxLength = Coded.MAX_LENGTH) String likelihood,
            @Schema(maxLength = Coded.MAX_LENGTH) String impact,
            @Schema(maxLength = MAX_RISK_TEXT) String mitigation,

            @Schema(implementation = Elements.Id.class, type = SchemaType.STRING)
            String owner) {}

    /** The SARA problem-solving record. */
    public record Sara(
            @Schema(maxLength = MAX_TEXT) String scanning,
            @Schema(maxLength = MAX_TEXT) String analysis,
            @Schema(maxLength = MAX_TEXT) String response,
            @Schema(maxLength = MAX_TEXT) String assessment) {}

    static InitiativeRequest of(String id, Definition d) {
        return new InitiativeRequest(
                id,
                d.priority(),
                d.objectives(),
                d.title(),
                d.leadPartner(),
                d.supportingPartners(),
                d.start().toString(),
                d.due().toString(),
                d.resources(),
                d.funding(),
                d.risks().stream()
                        .map(r -> new Risk(r.description(), r.likelihood(), r.impact(), r.mitigation(), r.owner()))
                        .toList(),
                d.sara() == null
                        ? null
                        : new Sara(
                                d.sara().scanning(),
                                d.sara().analysis(),
                                d.sara().response(),
                                d.sara().assessment()),
                d.indicators());
    }

    /** The definition this body describes, or 422 listing every field that is wrong. */
    public static Definition validate(InitiativeRequest body) {
        Validation v = Validation.of(body);
        v.require(
                body.id() != null && Elements.ID.matcher(body.id()).matches(),
                "id",
                "is required: letters, digits and hyphens, such as 'P1-10'");
        v.require(Priorities.isNumber(body.priority()), "priority", "must be the number of a priority of the plan");
        List<String> objectives = ids(v, body.objectives(), "objectives", MAX_OBJECTIVES);
        String title = v.publicText(body.title(), "title", MAX_TITLE);
        String lead = v.optionalPublicText(body.leadPartner(), "leadPartner", Elements.MAX_ID);
        List<String> supporting = ids(v, body.supportingPartners(), "supportingPartners", MAX_PARTNERS);
        LocalDate start =
                v.parse(body.start(), "start", UkCalendar.DATE_LENGTH, LocalDate::parse, "a date such as 2024-04-01");
        LocalDate due =
                v.parse(body.due(), "due", UkCalendar.DATE_LENGTH, LocalDate::parse, "a date such as 2025-03-31");
        String resources = v.optionalPublicText(body.resources(), "resources", MAX_TEXT);
        String funding = v.optionalPublicText(body.funding(), "funding", MAX_TEXT);
        List<InitiativeEvent.Risk> risks = new ArrayList<>();
        List<Risk> given = v.atMost(body.risks(), "risks", MAX_RISKS);
        for (int i = 0; i < given.size(); i++) {
            Risk r = given.get(i);
            String at = "risks[" + i + "]";
            if (r == null) {
                v.require(false, at, "must be an object");
                continue;
            }
            String description = v.publicText(r.description(), at + ".description", MAX_RISK_TEXT);
            RiskLevel likelihood = level(v, r.likelihood(), at + ".likelihood");
            RiskLevel impact = level(v, r.impact(), at + ".impact");
            String mitigation = v.optionalPublicText(r.mitigation(), at + ".mitigation", MAX_RISK_TEXT);
            String owner = v.optionalPublicText(r.owner(), at + ".owner", Elements.MAX_ID);
            risks.add(new InitiativeEvent.Risk(
                    description,
                    likelihood == null ? null : likelihood.code(),
                    impact == null ? null : impact.code(),
                    mitigation,
                    owner));
        }
        InitiativeEvent.Sara sara = null;
        if (body.sara() != null) {
            Sara s = body.sara();
            sara = new InitiativeEvent.Sara(
                    v.optionalPublicText(s.scanning(), "sara.scanning", MAX_TEXT),
                    v.optionalPublicText(s.analysis(), "sara.analysis", MAX_TEXT),
                    v.optionalPublicText(s.response(), "sara.response", MAX_TEXT),
                    v.optionalPublicText(s.assessment(), "sara.assessment", MAX_TEXT));
            if (sara.scanning() == null
                    && sara.analysis() == null
                    && sara.response() == null
                    && sara.assessment() == null) {
                sara = null;
            }
        }
        List<String> indicators = IndicatorCodes.validate(v, body.indicators(), "indicators");
        v.throwIfInvalid();
        return new Definition(
                body.priority(),
                objectives,
                title,
                lead,
                supporting,
                start,
                due,
                resources,
                funding,
                List.copyOf(risks),
                sara,
                indicators);
    }

    private static RiskLevel level(Validation v, String level, String field) {
        return v.parse(level, field, Coded.MAX_LENGTH, RiskLevel::of, "low, medium or high");
    }

    private static List<String> ids(Validation v, List<String> given, String field, int max) {
        List<String> ids = v.atMost(given, field, max);
        for (int i = 0; i < ids.size(); i++) {
            v.require(
                    ids.get(i) != null && Elements.ID.matcher(ids.get(i)).matches(),
                    field + "[" + i + "]",
                    "must be an id");
        }
        v.require(new LinkedHashSet<>(ids).size() == ids.size(), field, "must not repeat an id");
        return List.copyOf(ids.stream().filter(id -> id != null).toList());
    }
}
