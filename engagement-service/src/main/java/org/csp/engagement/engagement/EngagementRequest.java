package org.csp.engagement.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.calendar.UkCalendar;
import org.csp.codes.Coded;
import org.csp.engagement.Aliased;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.geography.GssCode;
import org.csp.http.Bodies;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/engagements}, and what {@code PATCH} merges into. {@code startDate} and, for an
 * engagement over several days, {@code endDate}; {@code place} one object; organisations by their ids in the
 * partnership's organisation registry (an unknown one is a 422). Older clients' names are still read: {@code date},
 * a place given as a plain string (its name alone), and organisations named by their exact registered names, under
 * {@code leadOrganisation} and {@code organisations} or the former {@code leadOrganisationName} and
 * {@code organisationNames}.
 */
public record EngagementRequest(
        @Schema(maxLength = Coded.MAX_LENGTH) String type,
        @Schema(maxLength = MAX_TITLE) String title,

        @Schema(maxLength = UkCalendar.DATE_LENGTH, description = "A date such as 2024-08-14")
        String startDate,

        @Schema(deprecated = true, description = "The former name of startDate", maxLength = UkCalendar.DATE_LENGTH)
        String date,

        @Schema(maxLength = UkCalendar.DATE_LENGTH) String endDate,

        @Schema(
                oneOf = {PlaceRequest.class, String.class},
                implementation = Object.class,
                maxLength = MAX_PLACE_NAME,
                description = "Where it took place: "
                        + "{\"level\", \"gss\", \"name\"}, or {\"name\"} alone for a place without a code. "
                        + "A plain string is still read as the name alone (deprecated).")
        JsonNode place,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = PriorityNumber.class,
                maxItems = MAX_PRIORITY,
                description = "The plan's priorities it served, at most " + MAX_PRIORITY)
        List<Integer> priorities,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = InitiativeId.class,
                maxItems = MAX_INITIATIVES,
                description = "The plan's initiatives it served, at most " + MAX_INITIATIVES)
        List<String> initiatives,

        @Schema(
                description = "The lead organisation: its id in the partnership's organisation registry "
                        + "(its exact registered name is still read)",
                maxLength = MAX_ORGANISATION)
        String leadOrganisation,

        @Schema(
                deprecated = true,
                description = "The former name of leadOrganisation: an exact registered name",
                maxLength = MAX_ORGANISATION)
        String leadOrganisationName,

        @Schema(
                description = "The organisations taking part: their ids in the partnership's organisation registry "
                        + "(exact registered names are still read)",
                type = SchemaType.ARRAY,
                implementation = OrganisationReference.class,
                maxItems = MAX_ORGANISATIONS)
        List<String> organisations,

        @Schema(
                deprecated = true,
                description = "The former name of organisations: exact registered names",
                type = SchemaType.ARRAY,
                implementation = OrganisationReference.class,
                maxItems = MAX_ORGANISATIONS)
        List<String> organisationNames,

        @Schema(maxLength = MAX_AUDIENCE) String audience,

        @Schema(minimum = "0", maximum = "" + MAX_ATTENDANCE, description = "A number of people")
        Integer attendance,

        @Schema(minimum = "0", maximum = "" + MAX_REACH, description = "A number of people")
        Integer reach,

        @Schema(maxLength = MAX_OUTCOMES) String outcomes) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PLACE_NAME = 200;
    public static final int MAX_AUDIENCE = 200;
    public static final int MAX_OUTCOMES = 4000;
    public static final int MAX_ATTENDANCE = 1_000_000;
    public static final int MAX_REACH = 10_000_000;
    /** The most initiatives one record serves. */
    public static final int MAX_INITIATIVES = 100;

    public static final int MAX_INITIATIVE_ID = 80;
    private static final Pattern INITIATIVE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0," + (MAX_INITIATIVE_ID - 1) + "}");
    public static final int MAX_PRIORITY = 20;
    /** The most organisations one record names. */
    static final int MAX_ORGANISATIONS = 100;
    /** The longest organisation id or name read. */
    static final int MAX_ORGANISATION = 200;

    /** A ward, parish or district-wide place by its GSS code, with its name; a place without a code has a name alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceRequest(
            @Schema(enumeration = {"ward", "parish", "district"})
            String level,

            @Schema(maxLength = GssCode.LENGTH) String gss,
            @Schema(maxLength = MAX_PLACE_NAME) String name) {
        static PlaceRequest of(Place place) {
            return place == null ? null : new PlaceRequest(place.level(), place.gss(), place.name());
        }
    }

    /** A priority's number as the OpenAPI document shows it. */
    @Schema(name = "EngagementPriority", type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_PRIORITY)
    interface PriorityNumber {}

    /** An initiative's id as the OpenAPI document shows it. */
    @Schema(name = "InitiativeId", type = SchemaType.STRING, maxLength = MAX_INITIATIVE_ID)
    interface InitiativeId {}

    /** An organisation's id or exact registered name as the OpenAPI document shows it. */
    @Schema(name = "OrganisationReference", type = SchemaType.STRING, maxLength = MAX_ORGANISATION)
    interface OrganisationReference {}

    /**
     * The checked details, the name the client gave the start date under ({@code startDate} or {@code date}) and the
     * organisations as given, each with the field it came in, to be found in the registry.
     */
    public record Checked(Details details, String startDateField, List<Given> organisations) {}

    /** An organisation as the client gave it (an id or an exact registered name) and where ({@code organisations[2]}). */
    public record Given(String value, String field, boolean lead) {}

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
                patch.hasNonNull("leadOrganisationName")
                        ? null
                        : stored(d.leadOrganisation(), d.leadOrganisationName()),
                null,
                patch.hasNonNull("organisationNames") ? null : stored(d.organisations(), d.organisationNames()),
                null,
                d.audience(),
                d.attendance(),
                d.reach(),
                d.outcomes());
        return Bodies.patch(json, current, patch, EngagementRequest.class);
    }

    /** What a stored record names: its registry ids, or, for a record from before they were checked, its names. */
    private static String stored(String id, String name) {
        return id != null ? id : name;
    }

    private static List<String> stored(List<String> ids, List<String> names) {
        return ids.isEmpty() ? names : ids;
    }

    /** Every field checked at once: 422 naming each offending field as the client sent it. */
    public Checked check() {
        Validation v = new Validation();
        EngagementType engagementType =
                v.parse(type, "type", Coded.MAX_LENGTH, EngagementType::of, "one of " + EngagementType.codes());
        String checkedTitle = v.publicText(title, "title", MAX_TITLE);
        Aliased<String> start = Aliased.of(v, "startDate", startDate, "date", date);
        LocalDate from = date(v, start.value(), start.field(), "a date such as 2024-08-14");
        v.require(from == null || from.getYear() >= 2000, start.field(), "must be in 2000 or later");
        LocalDate to = endDate == null ? from : date(v, endDate, "endDate", "a date such as 2024-08-16");
        Place checkedPlace = place(v, place);
        List<Integer> checkedPriorities = v.atMost(priorities, "priorities", MAX_PRIORITY).stream()
                .distinct()
                .toList();
        v.require(
                checkedPriorities.stream().allMatch(n -> n != null && n >= 1 && n <= MAX_PRIORITY),
                "priorities",
                "must be priority numbers of the plan, such as [1, 4]");
        List<String> checkedInitiatives = v.atMost(initiatives, "initiatives", MAX_INITIATIVES).stream()
                .distinct()
                .toList();
        v.require(
                checkedInitiatives.stream()
                        .allMatch(i -> i != null && INITIATIVE.matcher(i).matches()),
                "initiatives",
                "must be initiative ids of the plan, such as [\"P4-06\"]");
        List<Given> given = new ArrayList<>();
        Aliased<String> lead =
                Aliased.of(v, "leadOrganisation", leadOrganisation, "leadOrganisationName", leadOrganisationName);
        String checkedLead = v.optionalText(lead.value(), lead.field(), MAX_ORGANISATION);
        if (checkedLead != null) {
            given.add(new Given(checkedLead, lead.field(), true));
        }
        Aliased<List<String>> taking =
                Aliased.of(v, "organisations", organisations, "organisationNames", organisationNames);
        if (taking.value() != null) {
            v.require(
                    taking.value().size() <= MAX_ORGANISATIONS,
                    taking.field(),
                    "must list at most " + MAX_ORGANISATIONS + " organisations");
            for (int i = 0; i < taking.value().size() && i < MAX_ORGANISATIONS; i++) {
                String field = taking.field() + "[" + i + "]";
                String one = v.text(taking.value().get(i), field, MAX_ORGANISATION);
                if (one != null) {
                    given.add(new Given(one, field, false));
                }
            }
        }
        String checkedAudience = v.optionalPublicText(audience, "audience", MAX_AUDIENCE);
        v.require(
                attendance == null || (attendance >= 0 && attendance <= MAX_ATTENDANCE),
                "attendance",
                "must be a number of people between 0 and 1,000,000");
        v.require(
                reach == null || (reach >= 0 && reach <= MAX_REACH),
                "reach",
                "must be a number of people between 0 and 10,000,000");
        String checkedOutcomes = v.optionalPublicText(outcomes, "outcomes", MAX_OUTCOMES);
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
                        null,
                        null,
                        List.of(),
                        List.of(),
                        checkedAudience,
                        attendance,
                        reach,
                        checkedOutcomes),
                start.field(),
                List.copyOf(given));
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
            String name = v.publicText(place.asText(), "place", MAX_PLACE_NAME);
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
        String name = v.publicText(
                place.path("name").isTextual() ? place.get("name").asText() : null, "place.name", MAX_PLACE_NAME);
        String gss = place.path("gss").isTextual() ? place.get("gss").asText() : null;
        if (!place.hasNonNull("level") && gss == null) {
            return name == null ? null : new Place(null, null, name);
        }
        PlaceLevel level = v.parse(
                place.path("level").isTextual() ? place.get("level").asText() : null,
                "place.level",
                Coded.MAX_LENGTH,
                PlaceLevel::of,
                "ward, parish or district");
        v.require(
                level == null || (gss != null && level.matches(gss)),
                "place.gss",
                level == null ? "must be the GSS code of the place" : "must be " + level.expected());
        return level == null ? null : new Place(level.code(), gss, name);
    }

    private static LocalDate date(Validation v, String text, String field, String expected) {
        return v.parse(text, field, UkCalendar.DATE_LENGTH, LocalDate::parse, expected);
    }
}
