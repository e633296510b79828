package org.csp.plan.review;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.plan.review.ReviewCommand.CloseReview;
import org.csp.plan.review.ReviewCommand.OpenReview;
import org.csp.plan.review.ReviewCommand.ReopenReview;
import org.csp.plan.review.ReviewCommand.SubmitReport;
import org.csp.plan.review.ReviewEvent.Report;
import org.csp.plan.review.ReviewEvent.ReportSubmitted;
import org.csp.plan.review.ReviewEvent.ReviewClosed;
import org.csp.plan.review.ReviewEvent.ReviewOpened;
import org.csp.plan.review.ReviewEvent.ReviewReopened;

/**
 * A quarterly review's lifecycle: not opened yet, then {@link Open} (reports come in) and {@link Closed} (the quarter
 * frozen), reopened with a reason as often as needed. An open or closed review knows the priorities expected to
 * report, the reports in and the reasons it was reopened for. Kept as JSON in {@code plan_state} with its
 * {@code status} ({@code open}, {@code closed}) naming the state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = QuarterlyReview.NotOpened.class, name = "not-opened"),
    @JsonSubTypes.Type(value = QuarterlyReview.Open.class, name = "open"),
    @JsonSubTypes.Type(value = QuarterlyReview.Closed.class, name = "closed")
})
public sealed interface QuarterlyReview {

    /** No review of the quarter has been opened. */
    record NotOpened() implements QuarterlyReview {}

    /** Reports are coming in. */
    record Open(String quarter, List<Integer> priorities, Map<Integer, Report> reports, List<String> reopenReasons)
            implements QuarterlyReview, Opened {}

    /** Closed by the coordinator: the quarter's progress is frozen until it is reopened. */
    record Closed(String quarter, List<Integer> priorities, Map<Integer, Report> reports, List<String> reopenReasons)
            implements QuarterlyReview, Opened {}

    /** What an open and a closed review both hold. */
    sealed interface Opened permits Open, Closed {
        String quarter();

        List<Integer> priorities();

        Map<Integer, Report> reports();

        List<String> reopenReasons();

        /** The expected priorities that have not reported yet. */
        default List<Integer> missingReports() {
            return priorities().stream().filter(p -> !reports().containsKey(p)).toList();
        }

        /** {@code open} or {@code closed}, as the API and the query table say it. */
        default String status() {
            return this instanceof Closed ? "closed" : "open";
        }
    }

    Decider<ReviewCommand, ReviewEvent, QuarterlyReview> DECIDER = new Decider<>() {
        @Override
        public QuarterlyReview initialState() {
            return new NotOpened();
        }

        @Override
        public QuarterlyReview evolve(QuarterlyReview state, ReviewEvent event) {
            return switch (event) {
                case ReviewOpened opened -> new Open(opened.quarter(), opened.priorities(), Map.of(), List.of());
                case ReportSubmitted submitted -> {
                    Opened review = (Opened) state;
                    Map<Integer, Report> reports = new TreeMap<>(review.reports());
                    reports.put(submitted.report().priority(), submitted.report());
                    yield new Open(review.quarter(), review.priorities(), reports, review.reopenReasons());
                }
                case ReviewClosed closed -> {
                    Opened review = (Opened) state;
                    yield new Closed(review.quarter(), review.priorities(), review.reports(), review.reopenReasons());
                }
                case ReviewReopened reopened -> {
                    Opened review = (Opened) state;
                    List<String> reasons = new ArrayList<>(review.reopenReasons());
                    reasons.add(reopened.reason());
                    yield new Open(review.quarter(), review.priorities(), review.reports(), List.copyOf(reasons));
                }
            };
        }

        @Override
        public List<ReviewEvent> decide(ReviewCommand command, QuarterlyReview state) {
            String quarter = command.quarter().label();
            return switch (state) {
                case NotOpened ignored ->
                    switch (command) {
                        case OpenReview open ->
                            List.of(new ReviewOpened(
                                    quarter, open.priorities().stream().sorted().toList()));
                        case SubmitReport ignoredCommand -> throw notOpened(quarter);
                        case CloseReview ignoredCommand -> throw notOpened(quarter);
                        case ReopenReview ignoredCommand -> throw notOpened(quarter);
                    };
                case Open open ->
                    switch (command) {
                        case OpenReview ignoredCommand -> throw opened(quarter);
                        case SubmitReport submit -> {
                            int priority = submit.report().priority();
                            if (!open.priorities().contains(priority)) {
                                throw CommandRejected.invalid(
                                        "priority",
                                        "Priority " + priority + " is not expected to report in this review ("
                                                + open.priorities() + ").");
                            }
                            yield submit.report().equals(open.reports().get(priority))
                                    ? List.of()
                                    : List.of(new ReportSubmitted(quarter, submit.report()));
                        }
                        case CloseReview ignoredCommand ->
                            List.of(new ReviewClosed(
                                    quarter, List.copyOf(open.reports().values()), open.missingReports()));
                        case ReopenReview ignoredCommand ->
                            throw new CommandRejected(
                                    "review-open",
                                    "The review of " + quarter + " is open; only a closed review can be reopened.");
                    };
                case Closed closed ->
                    switch (command) {
                        case OpenReview ignoredCommand -> throw opened(quarter);
                        case SubmitReport ignoredCommand -> throw closed(closed);
                        case CloseReview ignoredCommand -> throw closed(closed);
                        case ReopenReview reopen -> List.of(new ReviewReopened(quarter, reopen.reason()));
                    };
            };
        }

        private static CommandRejected notOpened(String quarter) {
            return CommandRejected.notDefined("There is no review of " + quarter + ".");
        }

        private static CommandRejected opened(String quarter) {
            return new CommandRejected("review-exists", "The review of " + quarter + " was opened already.");
        }

        private static CommandRejected closed(Closed review) {
            return new CommandRejected(
                    "review-closed",
                    "The review of " + review.quarter() + " is closed. The coordinator can reopen it with a reason.");
        }
    };
}
