package org.csp.web.review;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.UkCalendar;
import org.csp.web.display.Words;
import org.csp.web.form.FormError;
import org.csp.web.gateway.FormRefused;

/** A quarter's review page from plan-service's answers, the person's roles and the state of its forms (pure). */
public final class ReviewPages {

    static final String OPENED = "plan.quarterly-review.opened.v1";
    static final String REPORT_SUBMITTED = "plan.quarterly-review.report-submitted.v1";
    static final String CLOSED = "plan.quarterly-review.closed.v1";
    static final String REOPENED = "plan.quarterly-review.reopened.v1";

    /** The field a report changes in the review's state: {@code /reports/2}, or one of its parts. */
    private static final Pattern REPORT_FIELD = Pattern.compile("/reports/(\\d{1,2})(/.*)?");

    private static final Pattern PRIORITY_NUMBER = Pattern.compile("\\d{1,2}");

    /** The {@code done} of a report just submitted: {@code report-2}. */
    private static final Pattern REPORT_DONE = Pattern.compile("report-(\\d{1,2})");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReviewPages() {}

    /**
     * What the person wrote in the form they sent, kept through a refusal: a priority's report ({@code priority} and
     * {@code summary}) or the reason for reopening.
     */
    public record Entered(Integer priority, String summary, String reason) {

        public static final Entered NOTHING = new Entered(null, null, null);
    }

    /**
     * The priorities whose report form the person is shown: every expected one for the coordinator; for a priority
     * lead, those their token's {@code priorities} claim names, or every expected one when it names none (the
     * coordinator may have mapped the lead to priorities in plan-service, which then decides); none for anyone else.
     */
    public static Set<Integer> reportable(boolean coordinator, boolean lead, Set<Integer> claimed, ReviewBody review) {
        Set<Integer> expected = new TreeSet<>();
        if (review != null) {
            review.priorities().forEach(p -> expected.add(p.priority()));
        }
        if (coordinator || (lead && claimed.isEmpty())) {
            return Set.copyOf(expected);
        }
        if (lead) {
            expected.retainAll(claimed);
            return Set.copyOf(expected);
        }
        return Set.of();
    }

    /** The priorities a token's {@code priorities} claim names (["1","3"], [1, 3] or "1"); none when absent. */
    public static Set<Integer> claimed(Object claim) {
        Set<Integer> priorities = new TreeSet<>();
        if (claim == null) {
            return priorities;
        }
        for (String part : claim.toString().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
            if (PRIORITY_NUMBER.matcher(part).matches()) {
                priorities.add(Integer.parseInt(part));
            }
        }
        return priorities;
    }

    /**
     * The page. {@code review} is null when the quarter has no review yet; {@code history} is its events, oldest
     * first; {@code done} says which form has just succeeded ({@code opened}, {@code closed}, {@code reopened},
     * {@code report-2}; anything else is ignored).
     */
    public static ReviewPage page(
            FinancialQuarter quarter,
            ReviewBody review,
            List<ReviewEventBody> history,
            boolean coordinator,
            Set<Integer> reportable,
            Entered entered,
            ReviewPage.Refusal refusal,
            List<FormError> errors,
            String done) {
        if (review == null) {
            return new ReviewPage(
                    quarter.pathId(),
                    quarter.label(),
                    Words.review("not-opened"),
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    refusal,
                    errors,
                    new ReviewPage.Actions(coordinator, false, false, 0, 0, null));
        }
        boolean open = "open".equals(review.status());
        Map<Integer, ReviewBody.Report> reports = new HashMap<>();
        review.reports().forEach(r -> reports.put(r.priority(), r));
        Map<Integer, String> submittedAt = submittedAt(history);
        List<ReviewPage.Priority> priorities = new ArrayList<>();
        List<ReviewPage.Missing> missing = new ArrayList<>();
        for (ReviewBody.PriorityStatus p : review.priorities().stream()
                .sorted(Comparator.comparingInt(ReviewBody.PriorityStatus::priority))
                .toList()) {
            ReviewBody.Report report = reports.get(p.priority());
            boolean in = p.reported() && report != null;
            String name = "Priority " + p.priority() + (p.title() == null ? "" : ": " + p.title());
            String headingId = "priority-" + p.priority();
            if (!in) {
                missing.add(new ReviewPage.Missing(name, "#" + headingId));
            }
            String written = entered.priority() != null && entered.priority() == p.priority()
                    ? entered.summary()
                    : in ? report.summary() : null;
            priorities.add(new ReviewPage.Priority(
                    p.priority(),
                    p.title() == null ? "" : p.title(),
                    headingId,
                    Words.report(in ? "submitted" : "missing"),
                    in ? submittedAt.get(p.priority()) : null,
                    in ? paragraphs(report.summary()) : List.of(),
                    in
                            ? report.initiatives().stream()
                                    .map(i -> new ReviewPage.Initiative(
                                            i.initiativeId(),
                                            i.title() == null ? "" : i.title(),
                                            Words.status(i.status()),
                                            Words.rag(i.rag()),
                                            i.commentary() == null
                                                            || i.commentary().isBlank()
                                                    ? "None"
                                                    : i.commentary()))
                                    .toList()
                            : List.of(),
                    new ReviewPage.ReportForm(
                            open && reportable.contains(p.priority()),
                            "summary-" + p.priority(),
                            written == null ? "" : written,
                            in)));
        }
        return new ReviewPage(
                quarter.pathId(),
                quarter.label(),
                Words.review(review.status()),
                true,
                timeline(history, review.reopenReasons()),
                List.copyOf(priorities),
                List.copyOf(missing),
                notice(done, quarter, review),
                refusal,
                errors,
                new ReviewPage.Actions(
                        false,
                        coordinator && open,
                        coordinator && "closed".equals(review.status()),
                        review.version(),
                        missing.size(),
                        entered.reason() == null ? "" : entered.reason()));
    }

    /** What happened to the review, oldest first: opened, closed, reopened (with its reason). */
    static List<ReviewPage.Field> timeline(List<ReviewEventBody> history, List<String> reopenReasons) {
        List<ReviewPage.Field> rows = new ArrayList<>();
        int reopened = 0;
        for (ReviewEventBody event : history) {
            String when = when(event.occurredAt());
            switch (event.type() == null ? "" : event.type()) {
                case OPENED -> rows.add(new ReviewPage.Field("Opened", when));
                case CLOSED -> rows.add(new ReviewPage.Field("Closed", when));
                case REOPENED -> {
                    String reason = reopened < reopenReasons.size() ? reopenReasons.get(reopened) : null;
                    reopened++;
                    rows.add(new ReviewPage.Field("Reopened", reason == null ? when : when + ". Reason: " + reason));
                }
                default -> {
                    // a report's date is shown with the report
                }
            }
        }
        return List.copyOf(rows);
    }

    /** When each priority's report last came in, by the field of the review its event changed. */
    static Map<Integer, String> submittedAt(List<ReviewEventBody> history) {
        Map<Integer, String> at = new HashMap<>();
        for (ReviewEventBody event : history) {
            if (!REPORT_SUBMITTED.equals(event.type())) {
                continue;
            }
            for (ReviewEventBody.Change change : event.changes()) {
                Matcher field = change.field() == null ? null : REPORT_FIELD.matcher(change.field());
                if (field != null && field.matches()) {
                    at.put(Integer.parseInt(field.group(1)), when(event.occurredAt()));
                }
            }
        }
        return at;
    }

    /** "3 July 2024 at 10:15am", in London's time; "Date not recorded" for none. */
    static String when(OffsetDateTime at) {
        if (at == null) {
            return "Date not recorded";
        }
        var london = at.atZoneSameInstant(UkCalendar.ZONE);
        int hour = london.getHour() % 12 == 0 ? 12 : london.getHour() % 12;
        return DAY.format(london) + " at " + hour + ":" + String.format(Locale.UK, "%02d", london.getMinute())
                + (london.getHour() < 12 ? "am" : "pm");
    }

    /** A summary's paragraphs, split at its line breaks; blank lines dropped. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of("None");
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The success banner's words for the form just sent, or null. */
    static String notice(String done, FinancialQuarter quarter, ReviewBody review) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "opened" ->
                "The review of " + quarter.label() + " is open. Priority leads can now submit their reports.";
            case "closed" -> "The review of " + quarter.label() + " is closed.";
            case "reopened" -> "The review of " + quarter.label() + " is open again.";
            default -> {
                Matcher report = REPORT_DONE.matcher(done);
                if (!report.matches()) {
                    yield null;
                }
                int number = Integer.parseInt(report.group(1));
                yield review.priorities().stream().anyMatch(p -> p.priority() == number)
                        ? "The report for priority " + number + " was submitted."
                        : null;
            }
        };
    }

    /**
     * The service's field errors for the form sent, each on its field: a report's on its summary ({@code summary-2}),
     * a reopening's on its reason; the message starts with the field's name in words.
     */
    public static List<FormError> errors(List<FormRefused.FieldError> refused, Integer priority) {
        List<FormError> errors = new ArrayList<>();
        for (FormRefused.FieldError error : refused) {
            String field = error.field() == null ? "" : error.field();
            String message = error.message() == null ? "is not valid" : error.message();
            if (priority != null) {
                errors.add(new FormError(
                        "summary-" + priority,
                        switch (field) {
                            case "summary" ->
                                "is required".equals(message)
                                        ? "Enter a summary of the priority's progress"
                                        : "The summary " + message;
                            case "priority" -> message;
                            default -> "The report " + message;
                        }));
            } else {
                errors.add(new FormError(
                        "reason",
                        "is required".equals(message)
                                ? "Enter why the review is reopened"
                                : ("reason".equals(field) ? "The reason " : "The form ") + message));
            }
        }
        return List.copyOf(errors);
    }
}
