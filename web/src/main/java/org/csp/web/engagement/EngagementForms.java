package org.csp.web.engagement;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.csp.web.gateway.FormRefused;

/**
 * The form to record an activity (pure): what the person entered, checked for what the service cannot read (a date
 * that is not one, a number that is not one), as the service's body; and the service's refusals as the form's errors,
 * each on its input in the form's order, in words.
 */
public final class EngagementForms {

    /** The form's fields in its order: the error summary lists errors in this order. */
    static final List<String> FIELDS = List.of(
            "type",
            "title",
            "startDate",
            "endDate",
            "placeName",
            "placeGss",
            "priorities",
            "initiatives",
            "leadOrganisation",
            "organisations",
            "audience",
            "attendance",
            "reach",
            "outcomes");

    /** A field's name in words, as its error's message begins. */
    private static final Map<String, String> WORDS = words();

    private EngagementForms() {}

    private static Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("type", "The type of activity");
        words.put("title", "The title");
        words.put("startDate", "The date");
        words.put("endDate", "The end date");
        words.put("placeName", "The place's name");
        words.put("placeGss", "The area code");
        words.put("priorities", "The priorities");
        words.put("initiatives", "The initiatives");
        words.put("leadOrganisation", "The lead organisation");
        words.put("organisations", "The organisations taking part");
        words.put("audience", "The audience");
        words.put("attendance", "The attendance");
        words.put("reach", "The reach");
        words.put("outcomes", "The outcomes");
        return Map.copyOf(words);
    }

    /** What the person entered; the checkboxes' values as sent (none: an empty list). */
    public record Entered(
            String type,
            String title,
            EngagementForm.DateParts start,
            EngagementForm.DateParts end,
            String placeName,
            String placeGss,
            List<String> priorities,
            String initiatives,
            String leadOrganisation,
            List<String> organisations,
            String audience,
            String attendance,
            String reach,
            String outcomes) {

        public Entered {
            start = start == null ? new EngagementForm.DateParts(null, null, null) : start;
            end = end == null ? new EngagementForm.DateParts(null, null, null) : end;
            priorities = priorities == null ? List.of() : List.copyOf(priorities);
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
        }

        /** An empty form. */
        public static Entered none() {
            return new Entered(
                    null, null, null, null, null, null, List.of(), null, null, List.of(), null, null, null, null);
        }
    }

    /** The body to send, or the errors that keep it from being sent. */
    public record Checked(RecordRequest request, List<EngagementForm.Error> errors) {}

    public static EngagementForm form(
            Entered entered,
            String idempotencyKey,
            List<GatewayChoices.Priority> priorities,
            List<GatewayChoices.Organisation> organisations,
            String refusal,
            List<EngagementForm.Error> errors) {
        return new EngagementForm(
                idempotencyKey,
                EngagementWords.TYPES.entrySet().stream()
                        .map(t -> new EngagementForm.Option(
                                t.getKey(), t.getValue(), t.getKey().equals(entered.type())))
                        .toList(),
                text(entered.title()),
                entered.start(),
                entered.end(),
                text(entered.placeName()),
                text(entered.placeGss()),
                priorities.stream()
                        .filter(p -> !p.retired())
                        .sorted(Comparator.comparingInt(GatewayChoices.Priority::number))
                        .map(p -> new EngagementForm.Option(
                                Integer.toString(p.number()),
                                "Priority " + p.number() + ": " + p.title(),
                                entered.priorities().contains(Integer.toString(p.number()))))
                        .toList(),
                text(entered.initiatives()),
                choices(organisations, Set.of(entered.leadOrganisation() == null ? "" : entered.leadOrganisation())),
                choices(organisations, new HashSet<>(entered.organisations())),
                text(entered.audience()),
                text(entered.attendance()),
                text(entered.reach()),
                text(entered.outcomes()),
                refusal,
                List.copyOf(errors));
    }

    private static List<EngagementForm.Option> choices(
            List<GatewayChoices.Organisation> organisations, Set<String> selected) {
        return organisations.stream()
                .filter(o -> !o.retired())
                .sorted(Comparator.comparing(GatewayChoices.Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .map(o -> new EngagementForm.Option(o.id(), o.name(), selected.contains(o.id())))
                .toList();
    }

    /**
     * The service's body from what was entered. Only what the service could not read is checked here: a date that is
     * not a real date, a number that is not a whole number; whether a field is required or allowed is the service's
     * to say. Empty fields are left out.
     */
    public static Checked check(Entered entered) {
        List<EngagementForm.Error> errors = new ArrayList<>();
        String startDate = date(entered.start(), "startDate", errors);
        String endDate = date(entered.end(), "endDate", errors);
        Integer attendance = count(entered.attendance(), "attendance", errors);
        Integer reach = count(entered.reach(), "reach", errors);
        List<Integer> priorities = new ArrayList<>();
        for (String p : entered.priorities()) {
            if (p.matches("[1-9][0-9]?")) {
                priorities.add(Integer.valueOf(p));
            } else {
                errors.add(error("priorities", "Select priorities from the list"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, ordered(errors));
        }
        String gss = blankIsNull(entered.placeGss());
        String name = blankIsNull(entered.placeName());
        RecordRequest.Place place = gss == null
                ? (name == null ? null : new RecordRequest.Place(null, null, name))
                : new RecordRequest.Place(level(gss), gss.toUpperCase(Locale.ROOT), name);
        List<String> initiatives = entered.initiatives() == null
                ? List.of()
                : List.of(entered.initiatives().trim().split("[,;\\s]+")).stream()
                        .filter(i -> !i.isEmpty())
                        .toList();
        return new Checked(
                new RecordRequest(
                        blankIsNull(entered.type()),
                        blankIsNull(entered.title()),
                        startDate,
                        endDate,
                        place,
                        priorities.isEmpty() ? null : List.copyOf(priorities),
                        initiatives.isEmpty() ? null : initiatives,
                        blankIsNull(entered.leadOrganisation()),
                        entered.organisations().isEmpty() ? null : entered.organisations(),
                        blankIsNull(entered.audience()),
                        attendance,
                        reach,
                        blankIsNull(entered.outcomes())),
                List.of());
    }

    /** A ward (E05…), a parish (E04…) or a district (E06…, E07…) by its code; null: the service says what it expects. */
    static String level(String gss) {
        String code = gss.toUpperCase(Locale.ROOT);
        if (code.startsWith("E05")) {
            return "ward";
        }
        if (code.startsWith("E04")) {
            return "parish";
        }
        if (code.startsWith("E06") || code.startsWith("E07")) {
            return "district";
        }
        return null;
    }

    /**
     * The service's refusal of fields ({@code place.gss}, {@code organisations[2]}) as the form's errors: each on the
     * input the person filled, one per input, in the form's order, its message beginning with the field's name.
     */
    public static List<EngagementForm.Error> errors(List<FormRefused.FieldError> refused) {
        List<EngagementForm.Error> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRefused.FieldError e : refused) {
            String field = field(e.field());
            if (seen.add(field)) {
                errors.add(error(field, message(field, e.field(), e.message())));
            }
        }
        return ordered(errors);
    }

    /** The form's field an API field was sent from; the title for a field the form does not know. */
    static String field(String sent) {
        if (sent == null) {
            return "title";
        }
        String base = sent.replaceAll("\\[[0-9]+]", "");
        return switch (base) {
            case "type",
                    "title",
                    "endDate",
                    "priorities",
                    "initiatives",
                    "audience",
                    "attendance",
                    "reach",
                    "outcomes" -> base;
            case "startDate", "date" -> "startDate";
            case "place", "place.name" -> "placeName";
            case "place.gss", "place.level" -> "placeGss";
            case "leadOrganisation", "leadOrganisationName" -> "leadOrganisation";
            case "organisations", "organisationNames" -> "organisations";
            default -> "title";
        };
    }

    private static String message(String field, String sent, String message) {
        String said = message == null ? "is not valid" : message;
        if (said.startsWith("is required")) {
            switch (field) {
                case "type":
                    return "Select the type of activity";
                case "title":
                    return "Enter a title";
                case "startDate":
                    return "Enter the date the activity took place";
                default:
                    break;
            }
        }
        // the registry's words name its API; the form offers the registry's organisations to choose from
        if (field.equals("leadOrganisation")) {
            return "Select the lead organisation from the list";
        }
        if (field.equals("organisations")) {
            return "Select the organisations taking part from the list";
        }
        if ("place.level".equals(sent)) {
            return "The area code must be a ward's (E05…), a parish's (E04…) or a Gloucestershire district's (E07…)";
        }
        return WORDS.get(field) + " " + said;
    }

    /** The id of the input an error links to: a date's day, a group of checkboxes' first box. */
    static String input(String field) {
        return switch (field) {
            case "startDate" -> "startDate-day";
            case "endDate" -> "endDate-day";
            default -> field;
        };
    }

    private static EngagementForm.Error error(String field, String message) {
        return new EngagementForm.Error(field, input(field), message);
    }

    private static List<EngagementForm.Error> ordered(List<EngagementForm.Error> errors) {
        return errors.stream()
                .sorted(Comparator.comparingInt(e -> FIELDS.indexOf(e.field())))
                .toList();
    }

    /** A date as ISO ({@code 2024-08-14}); null when nothing was typed; an error when the parts are not a real date. */
    private static String date(EngagementForm.DateParts parts, String field, List<EngagementForm.Error> errors) {
        String day = blankIsNull(parts.day());
        String month = blankIsNull(parts.month());
        String year = blankIsNull(parts.year());
        if (day == null && month == null && year == null) {
            return null;
        }
        String words = WORDS.get(field);
        if (day == null || month == null || year == null) {
            errors.add(error(field, words + " must include a day, a month and a year"));
            return null;
        }
        if (!day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}") || !year.matches("[0-9]{4}")) {
            errors.add(error(field, words + " must be a real date, like 14 8 2024"));
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .toString();
        } catch (DateTimeException notADate) {
            errors.add(error(field, words + " must be a real date, like 14 8 2024"));
            return null;
        }
    }

    /** A number of people ("1,200" is read as 1200); null when nothing was typed. */
    private static Integer count(String text, String field, List<EngagementForm.Error> errors) {
        String typed = blankIsNull(text);
        if (typed == null) {
            return null;
        }
        String digits = typed.replace(",", "");
        if (!digits.matches("[0-9]{1,9}")) {
            errors.add(error(field, WORDS.get(field) + " must be a whole number of people, like 25"));
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
