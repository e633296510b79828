package org.csp.web.engagement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.csp.web.display.Tag;

/**
 * The ASB case reviews' list and a review's page (pure): the case reference, dates, the decision and the outcome, as
 * engagement-service keeps them; no person's details, which stay in the agencies' own case systems.
 */
public final class CaseReviewPages {

    private CaseReviewPages() {}

    public record ListPage(List<Row> rows) {}

    /** A review's row: reference, when received, its stage, the threshold decision and how long it took. */
    public record Row(
            String reference, String received, Tag status, String decision, String daysToDecision, String outcome) {}

    /** A review's page: its stages as a summary list, its recommendations, and whether its free text was removed. */
    public record Page(
            String reference,
            Tag status,
            List<EngagementPage.Field> fields,
            List<String> recommendations,
            boolean freeTextRemoved) {}

    /** The reviews, the latest received first. */
    public static ListPage list(List<CaseReviewBody> reviews) {
        return new ListPage(reviews.stream()
                .sorted(Comparator.comparing(
                                CaseReviewBody::receivedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .map(r -> new Row(
                        r.caseReference(),
                        EngagementWords.date(r.receivedOn(), "Not recorded"),
                        EngagementWords.caseReview(r.status()),
                        decision(r.decision()),
                        days(r.timeliness() == null ? null : r.timeliness().daysToDecision()),
                        EngagementWords.outcome(
                                r.closure() == null ? null : r.closure().outcome())))
                .toList());
    }

    public static Page page(CaseReviewBody r) {
        String removed = "Removed under the retention policy";
        List<EngagementPage.Field> fields = new ArrayList<>();
        fields.add(new EngagementPage.Field("Received", EngagementWords.date(r.receivedOn(), "Not recorded")));
        fields.add(new EngagementPage.Field(
                "Organisations involved",
                r.organisationNames().isEmpty() ? "None" : String.join(", ", r.organisationNames())));
        CaseReviewBody.Decision d = r.decision();
        fields.add(new EngagementPage.Field("Threshold decision", decision(d)));
        if (d != null) {
            fields.add(new EngagementPage.Field("Decided", EngagementWords.date(d.decidedOn(), "Not recorded")));
            fields.add(new EngagementPage.Field("Threshold applied", orNone(d.threshold())));
            fields.add(new EngagementPage.Field(
                    "Reason", d.reason() == null ? (r.freeTextRemoved() ? removed : "None") : d.reason()));
        }
        if (r.timeliness() != null && r.timeliness().daysToDecision() != null) {
            fields.add(new EngagementPage.Field(
                    "Days to decision", days(r.timeliness().daysToDecision())));
        }
        if (r.meeting() != null) {
            fields.add(new EngagementPage.Field(
                    "Review meeting", EngagementWords.date(r.meeting().heldOn(), "Not recorded")));
            List<String> at = r.meeting().organisationNames() == null
                    ? List.of()
                    : r.meeting().organisationNames();
            fields.add(new EngagementPage.Field(
                    "Organisations at the meeting", at.isEmpty() ? "None" : String.join(", ", at)));
        }
        List<String> recommendations = List.of();
        if (r.recommendations() != null) {
            fields.add(new EngagementPage.Field(
                    "Recommendations recorded",
                    EngagementWords.date(r.recommendations().recordedOn(), "Not recorded") + " ("
                            + r.recommendations().count() + ")"));
            recommendations = r.recommendations().texts() == null
                    ? List.of()
                    : r.recommendations().texts();
        }
        if (r.closure() != null) {
            fields.add(new EngagementPage.Field(
                    "Closed", EngagementWords.date(r.closure().closedOn(), "Not recorded")));
            fields.add(new EngagementPage.Field(
                    "Outcome", EngagementWords.outcome(r.closure().outcome())));
            fields.add(new EngagementPage.Field(
                    "Summary",
                    r.closure().summary() == null
                            ? (r.freeTextRemoved() ? removed : "None")
                            : r.closure().summary()));
            if (r.timeliness() != null && r.timeliness().daysToClosure() != null) {
                fields.add(new EngagementPage.Field(
                        "Days to closure", days(r.timeliness().daysToClosure())));
            }
        }
        return new Page(
                r.caseReference(),
                EngagementWords.caseReview(r.status()),
                fields,
                recommendations,
                r.freeTextRemoved());
    }

    static String decision(CaseReviewBody.Decision d) {
        if (d == null) {
            return "Not decided yet";
        }
        return d.met() ? "Threshold met" : "Threshold not met";
    }

    static String days(Long days) {
        if (days == null) {
            return "Not yet";
        }
        return days == 1 ? "1 day" : days + " days";
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "None" : text;
    }
}
