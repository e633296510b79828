package org.csp.web.engagement;

import java.util.List;

/**
 * The partnership's engagement activities: the filters as the person set them, one page of the activities that match
 * ({@code shown} of {@code total}), newest first, and what the person's roles let them do from here.
 */
public record EngagementListPage(
        Filter filter,
        List<Row> rows,
        int shown,
        int total,
        Pagination pagination,
        boolean mayRecord,
        boolean mayReadCaseReviews) {

    /** The filters' choices, each with what is selected. */
    public record Filter(
            List<Option> quarters,
            List<Option> types,
            List<Option> priorities,
            String place,
            boolean includeWithdrawn) {}

    /** A choice of a select, checkboxes or radios. */
    public record Option(String value, String label, boolean selected) {}

    /** An activity's row, in words. */
    public record Row(
            String id,
            String title,
            String type,
            String dates,
            String place,
            String priorities,
            String attendance,
            boolean withdrawn) {}

    /** Links to the other pages of the list; {@code previous} and {@code next} null where there is none. */
    public record Pagination(String previous, String next, List<PageLink> pages) {

        public boolean shown() {
            return pages.size() > 1;
        }
    }

    /** A numbered page of the list. */
    public record PageLink(int number, String href, boolean current) {}
}
