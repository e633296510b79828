package org.csp.web.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.csp.security.Roles;

/**
 * The service navigation: the pages a person's roles let them use, in order, and which of them is the current one. A
 * page joins here with the roles that may see it (none: everyone, signed in or not), so that nobody is shown a link
 * that would only answer "you do not have access". Pure: roles, quarter and path in, links out.
 */
public final class Navigation {

    /** A link of the service navigation; {@code current} when the page shown is under it. */
    public record Item(String text, String href, boolean current) {}

    /**
     * A page of the navigation; {@code byYear}: its address names the latest quarter's financial year, not the quarter.
     * A {@code prefix} without a closing slash is the page's whole address ({@code /engagement}): it names no quarter.
     */
    private record Entry(String text, String prefix, Set<String> roles, boolean byYear) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("Dashboard", "/quarters/", Roles.READING_ROLES, false),
            new Entry("Year-end", "/years/", Roles.READING_ROLES, true),
            new Entry("County", "/county/", Set.of("county-analyst"), false),
            // the partnership's own people: a county analyst reads the county's feeds, not one partnership's records
            new Entry(
                    "Engagement",
                    "/engagement",
                    Set.of(
                            Roles.COORDINATOR,
                            Roles.PRIORITY_LEAD,
                            Roles.ENGAGEMENT_OFFICER,
                            Roles.PARTNER_AGENCY,
                            Roles.VIEWER),
                    false),
            new Entry("Case reviews", "/case-reviews", Set.of(Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER), false),
            new Entry("Public figures", "/public/", Set.of(), false));

    private Navigation() {}

    /**
     * The links for someone with {@code roles}, each leading to {@code latestQuarter}'s page ({@code 2024-25-Q2});
     * {@code path} is the page shown.
     */
    public static List<Item> items(Set<String> roles, String latestQuarter, String path) {
        List<Item> items = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.roles().isEmpty() || entry.roles().stream().anyMatch(roles::contains)) {
                String page = entry.byYear() ? latestQuarter.substring(0, "2024-25".length()) : latestQuarter;
                String href = entry.prefix().endsWith("/") ? entry.prefix() + page : entry.prefix();
                items.add(new Item(entry.text(), href, path != null && path.startsWith(entry.prefix())));
            }
        }
        return List.copyOf(items);
    }
}
