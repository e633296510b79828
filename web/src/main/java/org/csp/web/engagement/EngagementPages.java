package org.csp.web.engagement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.csp.calendar.FinancialQuarter;
import org.csp.security.Roles;
import org.csp.web.display.Words;
import org.csp.web.quarter.Quarters;

/**
 * The engagement list and an activity's page from engagement-service's answers, the person's filters and roles (pure).
 */
public final class EngagementPages {

    /** Who may record an activity: engagement-service's {@code POST /api/engagements}. */
    public static final Set<String> RECORDERS = Set.of(Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER);

    /** Who may read ASB case reviews: engagement-service's {@code /api/case-reviews}. */
    public static final Set<String> CASE_REVIEWERS = Set.of(Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER);

    /** How many activities a page of the list shows. */
    static final int PAGE_SIZE = 25;

    /** How many quarters the quarter filter offers, the latest first. */
    static final int QUARTERS_OFFERED = 12;

    /** A GSS code, as the place filter takes it: a ward, a parish, a district. */
    static final Pattern GSS = Pattern.compile("[ENSW][0-9]{8}");

    /** The highest priority number the service takes. */
    static final int MAX_PRIORITY = 20;

    private EngagementPages() {}

    public static boolean mayRecord(Set<String> roles) {
        return roles.stream().anyMatch(RECORDERS::contains);
    }

    public static boolean mayReadCaseReviews(Set<String> roles) {
        return roles.stream().anyMatch(CASE_REVIEWERS::contains);
    }

    /**
     * What the person filters by, as the service takes it (null: no filter), and the page of the list. A value outside
     * a filter's choices is no filter, as if it were not set; a page that is not a number is the first.
     */
    public record Filters(
            String quarter, String type, Integer priority, String place, boolean includeWithdrawn, int page) {

        public static Filters of(
                String quarter, String type, String priority, String place, String includeWithdrawn, String page) {
            return new Filters(
                    quarter != null && Quarters.isQuarter(quarter) ? quarter : null,
                    type != null && EngagementWords.TYPES.containsKey(type) ? type : null,
                    priority != null && priority.matches("[1-9][0-9]?") && Integer.parseInt(priority) <= MAX_PRIORITY
                            ? Integer.valueOf(priority)
                            : null,
                    place != null
                                    && GSS.matcher(place.strip().toUpperCase(Locale.ROOT))
                                            .matches()
                            ? place.strip().toUpperCase(Locale.ROOT)
                            : null,
                    "true".equals(includeWithdrawn),
                    page != null && page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1);
        }

        /** Whether the list is narrowed: then the whole list is read as well, for "Showing N of M". */
        public boolean narrowing() {
            return quarter != null || type != null || priority != null || place != null;
        }
    }

    /**
     * The list's page: {@code matching} the records the service answered for the filters (oldest first), {@code total}
     * how many the partnership has with the same withdrawn rule, {@code priorities} the plan's priorities by number.
     */
    public static EngagementListPage list(
            Filters filters,
            List<EngagementBody> matching,
            int total,
            Map<Integer, String> priorities,
            FinancialQuarter latest,
            Set<String> roles) {
        List<EngagementBody> newestFirst = matching.stream()
                .sorted(Comparator.comparing(
                                EngagementBody::startDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        int pages = Math.max(1, (newestFirst.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(filters.page(), pages);
        List<EngagementListPage.Row> rows =
                newestFirst.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, newestFirst.size())).stream()
                        .map(EngagementPages::row)
                        .toList();
        List<EngagementListPage.Option> quarters = new ArrayList<>();
        FinancialQuarter q = latest;
        for (int i = 0; i < QUARTERS_OFFERED; i++) {
            quarters.add(new EngagementListPage.Option(
                    q.pathId(), q.label(), q.pathId().equals(filters.quarter())));
            q = FinancialQuarter.of(q.firstDay().minusDays(1));
        }
        EngagementListPage.Filter filter = new EngagementListPage.Filter(
                quarters,
                EngagementWords.TYPES.entrySet().stream()
                        .map(t -> new EngagementListPage.Option(
                                t.getKey(), t.getValue(), t.getKey().equals(filters.type())))
                        .toList(),
                priorities.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(p -> new EngagementListPage.Option(
                                p.getKey().toString(),
                                "Priority " + p.getKey() + ": " + p.getValue(),
                                p.getKey().equals(filters.priority())))
                        .toList(),
                filters.place() == null ? "" : filters.place(),
                filters.includeWithdrawn());
        return new EngagementListPage(
                filter,
                rows,
                matching.size(),
                Math.max(total, matching.size()),
                pagination(filters, page, pages),
                mayRecord(roles),
                mayReadCaseReviews(roles));
    }

    static EngagementListPage.Pagination pagination(Filters filters, int page, int pages) {
        List<EngagementListPage.PageLink> links = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            links.add(new EngagementListPage.PageLink(n, address(filters, n), n == page));
        }
        return new EngagementListPage.Pagination(
                page > 1 ? address(filters, page - 1) : null, page < pages ? address(filters, page + 1) : null, links);
    }

    /** The list's address with the person's filters and a page: {@code /engagement?quarter=2024-25-Q2&page=2}. */
    static String address(Filters filters, int page) {
        List<String> query = new ArrayList<>();
        if (filters.quarter() != null) {
            query.add("quarter=" + encoded(filters.quarter()));
        }
        if (filters.type() != null) {
            query.add("type=" + encoded(filters.type()));
        }
        if (filters.priority() != null) {
            query.add("priority=" + filters.priority());
        }
        if (filters.place() != null) {
            query.add("place=" + encoded(filters.place()));
        }
        if (filters.includeWithdrawn()) {
            query.add("includeWithdrawn=true");
        }
        if (page > 1) {
            query.add("page=" + page);
        }
        return query.isEmpty() ? "/engagement" : "/engagement?" + String.join("&", query);
    }

    private static EngagementListPage.Row row(EngagementBody e) {
        return new EngagementListPage.Row(
                e.id(),
                e.title(),
                EngagementWords.type(e.type()),
                dates(e),
                place(e.place()),
                e.priorities().isEmpty()
                        ? "None"
                        : e.priorities().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                e.attendance() == null ? "Not recorded" : Words.number(e.attendance()),
                e.withdrawn());
    }

    /** An activity's page; {@code recorded}: the person has just recorded it. */
    public static EngagementPage page(EngagementBody e, Map<Integer, String> priorities, boolean recorded) {
        List<EngagementPage.Field> fields = new ArrayList<>();
        fields.add(new EngagementPage.Field("Type", EngagementWords.type(e.type())));
        fields.add(new EngagementPage.Field("Date", dates(e)));
        fields.add(new EngagementPage.Field(
                "Quarter",
                e.quarter() == null
                        ? "Not known"
                        : FinancialQuarter.parse(e.quarter())
                                .map(FinancialQuarter::label)
                                .orElse(e.quarter())));
        fields.add(new EngagementPage.Field("Place", place(e.place())));
        fields.add(new EngagementPage.Field(
                "Priorities",
                e.priorities().isEmpty()
                        ? "None"
                        : e.priorities().stream()
                                .map(n -> priorities.containsKey(n)
                                        ? "Priority " + n + ": " + priorities.get(n)
                                        : "Priority " + n)
                                .collect(Collectors.joining("; "))));
        fields.add(new EngagementPage.Field(
                "Initiatives", e.initiatives().isEmpty() ? "None" : String.join(", ", e.initiatives())));
        fields.add(new EngagementPage.Field(
                "Lead organisation",
                orNone(e.leadOrganisationName() != null ? e.leadOrganisationName() : e.leadOrganisation())));
        List<String> taking = e.organisationNames().isEmpty() ? e.organisations() : e.organisationNames();
        fields.add(new EngagementPage.Field(
                "Organisations taking part", taking.isEmpty() ? "None" : String.join(", ", taking)));
        fields.add(new EngagementPage.Field("Audience", orNone(e.audience())));
        fields.add(new EngagementPage.Field(
                "Attendance", e.attendance() == null ? "Not recorded" : Words.number(e.attendance())));
        fields.add(new EngagementPage.Field("Reach", e.reach() == null ? "Not recorded" : Words.number(e.reach())));
        fields.add(new EngagementPage.Field("Outcomes", orNone(e.outcomes())));
        return new EngagementPage(
                e.id(),
                e.title(),
                EngagementWords.type(e.type()),
                e.withdrawn(),
                e.withdrawnReason(),
                fields,
                e.followUps().stream()
                        .map(f -> new EngagementPage.FollowUp(
                                EngagementWords.date(f.addedOn(), "Not recorded"),
                                orNone(f.youSaid()),
                                orNone(f.weDid())))
                        .toList(),
                recorded);
    }

    /** "14 August 2024", or "14 August 2024 to 16 August 2024" for an activity over several days. */
    static String dates(EngagementBody e) {
        String start = EngagementWords.date(e.startDate(), "Not recorded");
        return e.endDate() == null || Objects.equals(e.endDate(), e.startDate())
                ? start
                : start + " to " + EngagementWords.date(e.endDate(), "");
    }

    /** The place's name, with its GSS code when it has one; the code alone when it has no name. */
    static String place(EngagementBody.Place place) {
        if (place == null || (place.name() == null && place.gss() == null)) {
            return "Not recorded";
        }
        if (place.name() == null) {
            return place.gss();
        }
        return place.gss() == null ? place.name() : place.name() + " (" + place.gss() + ")";
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "None" : text;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
