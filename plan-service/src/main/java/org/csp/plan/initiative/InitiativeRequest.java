package org.csp.plan.initiative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.csp.plan.element.Elements;
import org.csp.plan.element.IndicatorCodes;
import org.csp.plan.initiative.InitiativeEvent.Definition;
import org.csp.problem.Validation;

/**
 * The API request of an initiative: what {@code POST /api/initiatives} takes and what {@code PATCH} merges into.
 * Status and RAG are not here: they are reported per quarter with the progress endpoint.
 */
public record InitiativeRequest(
        String id,
        Integer priority,
        List<String> objectives,
        String title,
        String leadPartner,
        List<String> supportingPartners,
        String start,
        String due,
        String resources,
        String funding,
        List<Risk> risks,
        Sara sara,
        List<String> indicators) {

    /** A risk: likelihood and impact are low, medium or high; the owner is an organisation id. */
    public record Risk(String description, String likelihood, String impact, String mitigation, String owner) {}

    /** The SARA problem-solving record. */
    public record Sara(String scanning, String analysis, String response, String assessment) {}

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
        v.require(
                body.priority() != null && body.priority() >= 1 && body.priority() <= 99,
                "priority",
                "must be the number of a priority of the plan");
        List<String> objectives = ids(v, body.objectives(), "objectives");
        String title = v.publicText(body.title(), "title", 1000);
        String lead = v.optionalPublicText(body.leadPartner(), "leadPartner", 80);
        List<String> supporting = ids(v, body.supportingPartners(), "supportingPartners");
        LocalDate start = v.parse(body.start(), "start", LocalDate::parse, "a date such as 2024-04-01");
        LocalDate due = v.parse(body.due(), "due", LocalDate::parse, "a date such as 2025-03-31");
        String resources = v.optionalPublicText(body.resources(), "resources", 4000);
        String funding = v.optionalPublicText(body.funding(), "funding", 4000);
        List<InitiativeEvent.Risk> risks = new ArrayList<>();
        List<Risk> given = body.risks() == null ? List.of() : body.risks();
        v.require(given.size() <= 50, "risks", "must have at most 50 entries");
        for (int i = 0; i < given.size() && i < 50; i++) {
            Risk r = given.get(i);
            String at = "risks[" + i + "]";
            if (r == null) {
                v.require(false, at, "must be an object");
                continue;
            }
            String description = v.publicText(r.description(), at + ".description", 2000);
            RiskLevel likelihood = v.parse(r.likelihood(), at + ".likelihood", RiskLevel::of, "low, medium or high");
            RiskLevel impact = v.parse(r.impact(), at + ".impact", RiskLevel::of, "low, medium or high");
            String mitigation = v.optionalPublicText(r.mitigation(), at + ".mitigation", 2000);
            String owner = v.optionalPublicText(r.owner(), at + ".owner", 80);
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
                    v.optionalPublicText(s.scanning(), "sara.scanning", 4000),
                    v.optionalPublicText(s.analysis(), "sara.analysis", 4000),
                    v.optionalPublicText(s.response(), "sara.response", 4000),
                    v.optionalPublicText(s.assessment(), "sara.assessment", 4000));
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

    private static List<String> ids(Validation v, List<String> ids, String field) {
        if (ids == null) {
            return List.of();
        }
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
