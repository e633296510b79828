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

    /** What a page's address ends with: the latest quarter, its financial year, or nothing. */
    private enum Period {
        QUARTER,
        YEAR,
        NONE
    }

    /** A page of the navigation: its words, its address (before the period), who may see it. */
    private record Entry(String text, String prefix, Set<String> roles, Period period) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("Dashboard", "/quarters/", Roles.READING_ROLES, Period.QUARTER),
            new Entry("Year-end", "/years/", Roles.READING_ROLES, Period.YEAR),
            new Entry("County", "/county/", Set.of("county-analyst"), Period.QUARTER),
            new Entry("Engagement", "/engagement", Roles.READING_ROLES, Period.NONE),
            new Entry(
                    "Case reviews", "/case-reviews", Set.of(Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER), Period.NONE),
            new Entry("Public figures", "/public/", Set.of(), Period.QUARTER),
            new Entry("Platform", "/platform", Set.of(Roles.ADMINISTRATOR), Period.NONE));

    private Navigation() {}

    /**
     * The links for someone with {@code roles}, each leading to {@code latestQuarter}'s page ({@code 2024-25-Q2});
     * {@code path} is the page shown.
     */
    public static List<Item> items(Set<String> roles, String latestQuarter, String path) {
        List<Item> items = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.roles().isEmpty() || entry.roles().stream().anyMatch(roles::contains)) {
                String page = switch (entry.period()) {
                    case QUARTER -> latestQuarter;
                    case YEAR -> latestQuarter.substring(0, "2024-25".length());
                    case NONE -> "";
                };
                items.add(
                        new Item(entry.text(), entry.prefix() + page, path != null && path.startsWith(entry.prefix())));
            }
        }
        return List.copyOf(items);
    }
}
