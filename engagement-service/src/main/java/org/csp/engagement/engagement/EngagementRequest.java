package org.csp.engagement.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.engagement.Aliased;
import org.csp.engagement.FreeTextOrganisations;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.http.Bodies;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/engagements}, and what {@code PATCH} merges into. {@code startDate} and, for an
 * engagement over several days, {@code endDate}; {@code place} one object; organisations as free-text names (not
 * yet checked against the organisation registry). Older clients' names are still read: {@code date},
 * {@code leadOrganisation} and {@code organisations}, and a place given as a plain string (its name alone).
 */
public record EngagementRequest(
        String type,
        String title,
        String startDate,

        @Schema(deprecated = true, description = "The former name of startDate")
        String date,

        String endDate,

        @Schema(
                oneOf = {PlaceRequest.class, String.class},
                description = "Where it took place: "
                        + "{\"level\", \"gss\", \"name\"}, or {\"name\"} alone for a place without a code. "
                        + "A plain string is still read as the name alone (deprecated).")
        JsonNode place,

        List<Integer> priorities,
        List<String> initiatives,

        @Schema(description = "The lead organisation, as a free-text name")
        String leadOrganisationName,

        @Schema(deprecated = true, description = "The former name of leadOrganisationName")
        String leadOrganisation,

        @Schema(description = "The organisations taking part, as free-text names")
        List<String> organisationNames,

        @Schema(deprecated = true, description = "The former name of organisationNames")
        List<String> organisations,

        String audience,
        Integer attendance,
        Integer reach,
        String outcomes) {

    private static final Pattern INITIATIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,79}");
    private static final int MAX_PRIORITY = 20;
    /** No limit beyond the body size, as before organisations were named here. */
    private static final int MAX_ORGANISATIONS = Integer.MAX_VALUE;

    /** A ward, parish or district-wide place by its GSS code, with its name; a place without a code has a name alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceRequest(
            @Schema(enumeration = {"ward", "parish", "district"})
            String level,

            String gss,
            String name) {
        static PlaceRequest of(Place place) {
            return place == null ? null : new PlaceRequest(place.level(), place.gss(), place.name());
        }
    }

    /** The checked details, and the name the client gave the start date under ({@code startDate} or {@code date}). */
    public record Checked(Details details, String startDateField) {}

    /**
     * The record's details as a body under the current names, with {@code patch} merged in; where the patch uses a
     * deprecated name, it replaces the value under the current one.
     */
    static EngagementRequest patched(ObjectMapper json, Details d, JsonNode patch) {
        EngagementRequest current = new EngagementRequest(
                d.type(),
                d.title(),
                patch.hasNonNull("date") ? null : d.startDate().toString(),
                null,
                d.endDate().toString(),
                d.place() == null ? null : json.valueToTree(PlaceRequest.of(d.place())),
                d.priorities(),
                d.initiatives(),
                patch.hasNonNull("leadOrganisation") ? null : d.leadOrganisation(),
                null,
                patch.hasNonNull("organisations") ? null : d.organisations(),
                null,
                d.audience(),
                d.attendance(),
                d.reach(),
                d.outcomes());
        return Bodies.patch(json, current, patch, EngagementRequest.class);
    }

    /** Every field checked at once: 422 naming each offending field as the client sent it. */
    public Checked check() {
        Validation v = new Validation();
        EngagementType engagementType = v.parse(type, "type", EngagementType::of, "one of " + EngagementType.codes());
        String checkedTitle = v.publicText(title, "title", 200);
        Aliased<String> start = Aliased.of(v, "startDate", startDate, "date", date);
        LocalDate from = v.parse(start.value(), start.field(), LocalDate::parse, "a date such as 2024-08-14");
        v.require(from == null || from.getYear() >= 2000, start.field(), "must be in 2000 or later");
        LocalDate to =
                endDate == null ? from : v.parse(endDate, "endDate", LocalDate::parse, "a date such as 2024-08-16");
        Place checkedPlace = place(v, place);
        List<Integer> checkedPriorities =
                priorities == null ? List.of() : priorities.stream().distinct().toList();
        v.require(
                checkedPriorities.stream().allMatch(n -> n != null && n >= 1 && n <= MAX_PRIORITY),
                "priorities",
                "must be priority numbers of the plan, such as [1, 4]");
        List<String> checkedInitiatives = initiatives == null
                ? List.of()
                : initiatives.stream().distinct().toList();
        v.require(
                checkedInitiatives.stream()
                        .allMatch(i -> i != null && INITIATIVE.matcher(i).matches()),
                "initiatives",
                "must be initiative ids of the plan, such as [\"P4-06\"]");
        Aliased<String> lead =
                Aliased.of(v, "leadOrganisationName", leadOrganisationName, "leadOrganisation", leadOrganisation);
        String checkedLead = v.optionalPublicText(lead.value(), lead.field(), 200);
        List<String> names = FreeTextOrganisations.check(
                v,
                Aliased.of(v, "organisationNames", organisationNames, "organisations", organisations),
                MAX_ORGANISATIONS);
        String checkedAudience = v.optionalPublicText(audience, "audience", 200);
        v.require(
                attendance == null || (attendance >= 0 && attendance <= 1_000_000),
                "attendance",
                "must be a number of people between 0 and 1,000,000");
        v.require(
                reach == null || (reach >= 0 && reach <= 10_000_000),
                "reach",
                "must be a number of people between 0 and 10,000,000");
        String checkedOutcomes = v.optionalPublicText(outcomes, "outcomes", 4000);
        v.throwIfInvalid();
        return new Checked(
                new Details(
                        engagementType.code(),
                        checkedTitle,
                        from,
                        to,
                        checkedPlace,
                        checkedPriorities.stream().sorted().toList(),
                        checkedInitiatives,
                        checkedLead,
                        names,
                        checkedAudience,
                        attendance,
                        reach,
                        checkedOutcomes),
                start.field());
    }

    /**
     * A ward, parish or district with its GSS code; a name alone (an object with only {@code name}, or a plain string
     * as before places were coded); or none.
     */
    private static Place place(Validation v, JsonNode place) {
        if (place == null || place.isNull()) {
            return null;
        }
        if (place.isTextual()) {
            String name = v.publicText(place.asText(), "place", 200);
            return name == null ? null : new Place(null, null, name);
        }
        if (!place.isObject()) {
            v.require(false, "place", "must be {\"level\", \"gss\", \"name\"} or {\"name\"}");
            return null;
        }
        var fields = place.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            v.require(List.of("level", "gss", "name").contains(field), "place." + field, "is unknown");
        }
        String name =
                v.publicText(place.path("name").isTextual() ? place.get("name").asText() : null, "place.name", 200);
        String gss = place.path("gss").isTextual() ? place.get("gss").asText() : null;
        if (!place.hasNonNull("level") && gss == null) {
            return name == null ? null : new Place(null, null, name);
        }
        PlaceLevel level = v.parse(
                place.path("level").isTextual() ? place.get("level").asText() : null,
                "place.level",
                PlaceLevel::of,
                "ward, parish or district");
        v.require(
                level == null || (gss != null && level.matches(gss)),
                "place.gss",
                level == null ? "must be the GSS code of the place" : "must be " + level.expected());
        return level == null ? null : new Place(level.code(), gss, name);
    }
}
