package org.csp.plan.review;

import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.plan.review.ReviewCommand.CloseReview;
import org.csp.plan.review.ReviewCommand.OpenReview;
import org.csp.plan.review.ReviewCommand.ReopenReview;
import org.csp.plan.review.ReviewCommand.SubmitReport;
import org.csp.plan.review.ReviewEvent.ReportSubmitted;
import org.csp.plan.review.ReviewEvent.Report;
import org.csp.plan.review.ReviewEvent.ReviewClosed;
import org.csp.plan.review.ReviewEvent.ReviewOpened;
import org.csp.plan.review.ReviewEvent.ReviewReopened;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quarterly review's state: {@code open} or {@code closed}, the priorities expected to report, the reports in,
 * and the reasons it was reopened for.
 */
public record QuarterlyReview(String quarter, String status, List<Integer> priorities, Map<Integer, Report> reports,
                              List<String> reopenReasons) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public static final Decider<ReviewCommand, ReviewEvent, QuarterlyReview> DECIDER = new Decider<>() {
        @Override
        public QuarterlyReview initialState() {
            return new QuarterlyReview(null, null, List.of(), Map.of(), List.of());
        }

        @Override
        public QuarterlyReview evolve(QuarterlyReview state, ReviewEvent event) {
            return switch (event) {
                case ReviewOpened opened -> new QuarterlyReview(opened.quarter(), OPEN, opened.priorities(), Map.of(), List.of());
                case ReportSubmitted submitted -> {
                    Map<Integer, Report> reports = new TreeMap<>(state.reports());
                    reports.put(submitted.report().priority(), submitted.report());
                    yield new QuarterlyReview(state.quarter(), state.status(), state.priorities(), reports, state.reopenReasons());
                }
                case ReviewClosed closed -> new QuarterlyReview(state.quarter(), CLOSED, state.priorities(), state.reports(),
                        state.reopenReasons());
                case ReviewReopened reopened -> {
                    List<String> reasons = new ArrayList<>(state.reopenReasons());
                    reasons.add(reopened.reason());
                    yield new QuarterlyReview(state.quarter(), OPEN, state.priorities(), state.reports(), reasons);
                }
            };
        }

        @Override
        public List<ReviewEvent> decide(ReviewCommand command, QuarterlyReview state) {
            String quarter = command.quarter().label();
            if (command instanceof OpenReview open) {
                if (state.exists()) {
                    throw new CommandRejected("review-exists", "The review of " + quarter + " was opened already.");
                }
                return List.of(new ReviewOpened(quarter, open.priorities().stream().sorted().toList()));
            }
            if (!state.exists()) {
                throw CommandRejected.notDefined("There is no review of " + quarter + ".");
            }
            return switch (command) {
                case OpenReview ignored -> throw new IllegalStateException("handled above");
                case SubmitReport submit -> {
                    requireOpen(state);
                    int priority = submit.report().priority();
                    if (!state.priorities().contains(priority)) {
                        throw CommandRejected.invalid("priority", "Priority " + priority + " is not expected to report in this review ("
                                + state.priorities() + ").");
                    }
                    yield submit.report().equals(state.reports().get(priority)) ? List.of()
                            : List.of(new ReportSubmitted(quarter, submit.report()));
                }
                case CloseReview ignored -> {
                    requireOpen(state);
                    yield List.of(new ReviewClosed(quarter, List.copyOf(state.reports().values()), state.missingReports()));
                }
                case ReopenReview reopen -> {
                    if (!state.closed()) {
                        throw new CommandRejected("review-open", "The review of " + quarter + " is open; only a closed review can be reopened.");
                    }
                    yield List.of(new ReviewReopened(quarter, reopen.reason()));
                }
            };
        }
    };

    public boolean exists() {
        return quarter != null;
    }

    public boolean closed() {
        return CLOSED.equals(status);
    }

    /** The expected priorities that have not reported yet. */
    public List<Integer> missingReports() {
        return priorities.stream().filter(p -> !reports.containsKey(p)).toList();
    }

    private static void requireOpen(QuarterlyReview state) {
        if (state.closed()) {
            throw new CommandRejected("review-closed", "The review of " + state.quarter()
                    + " is closed. The coordinator can reopen it with a reason.");
        }
    }
}
